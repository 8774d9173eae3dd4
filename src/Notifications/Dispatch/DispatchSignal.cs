using RightToManage.Workflows.Runtime;

namespace RightToManage.Notifications.Dispatch;

/// <summary>Wakes this node's dispatcher when a commit here added messages, so mail does not wait for the next poll.</summary>
public sealed class DispatchSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void MessagesCommitted()
    {
        // At most one pending wake-up: many commits during one pass need one more pass, not many.
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
