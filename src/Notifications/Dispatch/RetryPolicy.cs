namespace RightToManage.Notifications.Dispatch;

/// <summary>Exponential backoff with jitter, so messages that failed together do not all retry together.</summary>
internal static class RetryPolicy
{
    public static TimeSpan Delay(DispatchOptions options, int failedAttempts, double jitter)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var delay = Math.Min(options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent), options.MaxBackoff.TotalMilliseconds);
        // ±10 %: enough to spread a burst, small enough to keep the schedule predictable.
        return TimeSpan.FromMilliseconds(delay * (0.9 + 0.2 * Math.Clamp(jitter, 0, 1)));
    }
}
