namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("Fork", Category = "Flow", DynamicPortsInput = "branches",
    Description = "Starts several paths that run side by side, one per branch.")]
public sealed class Fork : Activity
{
    [Input(Description = "The branch names; each becomes a port.", UIHint = UIHints.TextList)]
    public string[] Branches { get; set; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(Branches));

    public override void Validate(ActivityValidationContext context)
    {
        if (context.TryGetLiteral<string[]>("branches", out var branches) && branches.Distinct().Count() != branches.Length)
            context.AddError("inputs.branches", "fork.branches", "Branch names must be different.");
        if (context.TryGetLiteral<string[]>("branches", out branches) && branches.Length < 2)
            context.AddError("inputs.branches", "fork.branches", "A Fork needs at least two branches.");
    }
}
