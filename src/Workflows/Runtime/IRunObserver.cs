namespace RightToManage.Workflows.Runtime;

/// <summary>
/// Sees every run of a case just before it commits, and may add outbox messages to the same transaction:
/// how a module reacts to what happened (a stage entered, a reminder due) without the interpreter knowing it.
/// Runs inside the case lock, so it must be quick and must not do I/O. Registered as a service.
/// </summary>
public interface IRunObserver
{
    void OnRunCompleting(RunReport run);
}
