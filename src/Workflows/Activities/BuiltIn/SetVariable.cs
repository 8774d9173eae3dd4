using System.Text.Json;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("SetVariable", Category = "Data", Description = "Sets a case variable to a value, a parameter or another variable.")]
[Port("done")]
public sealed class SetVariable : Activity
{
    [Input(Description = "The variable to set.", UIHint = UIHints.VariablePicker)]
    public string Variable { get; set; } = "";

    [Input(Description = "The new value.", UIHint = UIHints.Json)]
    public JsonElement Value { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(Variable, Value);
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (!context.TryGetLiteral<string>("variable", out var name)) return;
        var variable = context.Definition.Variables.FirstOrDefault(v => v.Name == name);
        if (variable is null || !context.Node.Inputs.TryGetValue("value", out var value) || ValueReference.TryParse(value, out _)) return;
        if (value.ValueKind != JsonValueKind.Null && DataTypes.Check(variable.Type, value) is { } problem)
            context.AddError("inputs.value", "input.type", $"The variable '{name}' is {variable.Type}: {problem}.");
    }
}
