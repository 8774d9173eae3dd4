using System.Text.Json;

namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("Decision", Category = "Flow", DynamicPortsInput = "cases",
    Description = "Chooses a path on a variable's value or on another activity's outcome: the port named after the matching case, else \"default\".")]
[Port("default", Description = "No case matched.")]
public sealed class Decision : Activity
{
    [Input(Description = "The variable whose value is compared with the cases.", UIHint = UIHints.VariablePicker)]
    public string? Variable { get; set; }

    [Input(Description = "The activity whose last outcome port is compared with the cases.", UIHint = UIHints.ActivityPicker)]
    public string? Activity { get; set; }

    [Input(Description = "The values to match; each becomes a port.", UIHint = UIHints.TextList)]
    public string[] Cases { get; set; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var value = Variable is not null ? AsText(context.GetVariable(Variable)) : context.OutcomeOf(Activity!);
        var port = value is not null && Cases.Contains(value, StringComparer.Ordinal) ? value : "default";
        return ValueTask.FromResult(ActivityResult.Complete(port));
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.HasInput("variable") == context.HasInput("activity"))
            context.AddError("inputs", "decision.source", "A Decision takes exactly one of 'variable' or 'activity'.");
        if (context.TryGetLiteral<string[]>("cases", out var cases))
        {
            if (cases.Length == 0)
                context.AddError("inputs.cases", "decision.cases", "A Decision needs at least one case.");
            foreach (var duplicate in cases.GroupBy(c => c).Where(g => g.Count() > 1 || g.Key == "default"))
                context.AddError("inputs.cases", "decision.cases", $"The case '{duplicate.Key}' is listed twice or clashes with the 'default' port.");
        }
    }

    private static string? AsText(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.Value.GetRawText(),
        _ => null,
    };
}
