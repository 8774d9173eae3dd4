using System.Text.Json;
using RightToManage.Workflows.Activities;

namespace RightToManage.CrashHarness;

/// <summary>Adds one to an integer variable: a transition whose double or lost application shows in the count.</summary>
[Activity("Increment", Category = "Testing", Description = "Adds one to an integer variable.")]
[Port("done")]
public sealed class Increment : Activity
{
    [Input(UIHint = UIHints.VariablePicker)]
    public string Variable { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var current = context.GetVariable(Variable) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : 0;
        context.SetVariable(Variable, JsonSerializer.SerializeToElement(current + 1));
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }
}
