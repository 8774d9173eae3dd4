using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RightToManage.Workflows.Scheduling;

/// <summary>
/// Reconciles the triggers soon after the scheduler failed to take a change, rather than at the next periodic
/// reconciliation (minutes away): a commit whose timers could not be passed to Quartz (the database was restarting,
/// say) gets its trigger within seconds of the scheduler working again. Retries with backoff until one pass succeeds.
/// </summary>
public sealed class TimerRepair(TimerReconciler reconciler, TimeProvider time, ILogger<TimerRepair> logger) : BackgroundService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _requested = new(0, 1);

    /// <summary>Asks for a reconciliation; requests made before it runs share it.</summary>
    public void Request()
    {
        if (_requested.CurrentCount == 0)
        {
            try
            {
                _requested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already requested.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _requested.WaitAsync(stoppingToken);
            for (var wait = FirstWait; ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks)))
            {
                // Give the failure a moment to pass before the first attempt, and more after each one that fails.
                await Task.Delay(wait, time, stoppingToken);
                try
                {
                    var result = await reconciler.ReconcileAsync(stoppingToken);
                    logger.LogInformation("Timers repaired after a scheduling failure: {Scheduled} trigger(s) added, {Removed} removed", result.Scheduled, result.StaleTriggersRemoved);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Timer repair failed; trying again in {Wait}: {Error}", wait * 2 > LongestWait ? LongestWait : wait * 2, ex.Message);
                }
            }
        }
    }
}
