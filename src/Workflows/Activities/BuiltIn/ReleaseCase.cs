namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("ReleaseCase", Category = "Flow",
    Description = "Ends the case's hold: frozen waits go on, and the events and timers that arrived for them meanwhile are applied in the order they came.")]
[Port("done")]
public sealed class ReleaseCase : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.ReleaseHold();
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }
}
