namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("Start", Category = "Flow", Description = "Where a case begins. Every definition has exactly one.", IsStart = true)]
[Port("done")]
public sealed class Start : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete("done"));
}
