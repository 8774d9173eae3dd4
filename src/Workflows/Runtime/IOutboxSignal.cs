namespace RightToManage.Workflows.Runtime;

/// <summary>Told after a commit that added outbox messages, so a dispatcher in this process can start at once.</summary>
public interface IOutboxSignal
{
    void MessagesCommitted();
}
