namespace RightToManage.Host.Hosting;

/// <summary>
/// The system clock moved by a fixed offset, so tests and demonstrations can stand just before a
/// statutory deadline and watch it pass in real time. Only honoured outside Production
/// (configuration key <c>Testing:ClockOffset</c>).
/// </summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
