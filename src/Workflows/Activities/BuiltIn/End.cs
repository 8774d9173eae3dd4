namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("End", Category = "Flow", Description = "Ends the case with an outcome (e.g. \"agreement-made\", \"deemed-withdrawn\"); every other waiting path is cancelled.", IsTerminal = true)]
public sealed class End : Activity
{
    [Input(Description = "How the case ended, shown to its parties and recorded in the journal.")]
    public string? Outcome { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.EndCase(Outcome));
}
