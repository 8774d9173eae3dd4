namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("HoldCase", Category = "Flow",
    Description = "Pauses the case: every wait it has now is frozen (events and timers kept for later, tasks closed to completion) until a ReleaseCase runs. Waits begun after it go on, so the path that decides the hold can run.")]
[Port("done")]
public sealed class HoldCase : Activity
{
    [Input(Description = "Why the case is paused, shown on the case and its frozen tasks, e.g. \"The council has applied to the Secretary of State to halt the proposal\".")]
    public string Reason { get; set; } = "";

    [Input(Description = "The provision behind the pause, e.g. \"SI 2013/2898 reg 13\".")]
    public string? Source { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.PlaceHold(Reason, Source);
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }
}
