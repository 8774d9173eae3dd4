using System.Text.Json;
using System.Text.RegularExpressions;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Validation;

/// <summary>
/// Checks a definition before it may run or be published. Every error names its JSON path; a
/// definition with any error is never executed.
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry)
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}\z")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,99}\z")]
    private static partial Regex NamePattern();

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (NullEntries(definition, errors)) return errors;
        if (!DefinitionIdPattern().IsMatch(definition.Id))
            errors.Add(new("$.id", "definition.id", "The id must be 1–100 lower-case letters, digits or hyphens, e.g. \"right-to-manage\"."));
        if (definition.Version < 1)
            errors.Add(new("$.version", "definition.version", "The version must be a whole number of 1 or more."));
        if (string.IsNullOrWhiteSpace(definition.Name))
            errors.Add(new("$.name", "definition.name", "A name is required."));

        var parameters = ValidateParameters(definition, errors);
        var variables = ValidateVariables(definition, errors);
        var nodes = ValidateActivities(definition, parameters, variables, errors);
        ValidateStages(definition, errors);
        ValidateConnections(definition, nodes, errors);
        ValidateGraph(definition, nodes, errors);
        ValidateNotificationRule(definition.Notifications?.StageChanged, "$.notifications.stageChanged", errors);
        if (registry.Services?.GetService(typeof(IEnumerable<IDefinitionCheck>)) is IEnumerable<IDefinitionCheck> checks)
        {
            foreach (var check in checks) check.Check(definition, errors);
        }
        return errors;
    }

    private static void ValidateNotificationRule(NotificationRule? rule, string path, List<ValidationError> errors)
    {
        if (rule is null) return;
        if (rule.To is null || rule.To.Count == 0)
        {
            errors.Add(new($"{path}.to", "notification.to", $"Name at least one party role to notify: {string.Join(", ", Parties.PartyRoles.All)}."));
            return;
        }
        for (var i = 0; i < rule.To.Count; i++)
            if (rule.To[i] is not { } role || !Parties.PartyRoles.IsKnown(role))
                errors.Add(new($"{path}.to[{i}]", "party.role", $"'{rule.To[i]}' is not a party role. Roles: {string.Join(", ", Parties.PartyRoles.All)}."));
        if (rule.Template is { } template && string.IsNullOrWhiteSpace(template))
            errors.Add(new($"{path}.template", "notification.template", "Name a template, or leave 'template' out for the default."));
    }

    /// <summary>Parses then validates JSON text in one step.</summary>
    public IReadOnlyList<ValidationError> Validate(string json, out WorkflowDefinition? definition)
    {
        var parsed = DefinitionJson.Parse(json);
        definition = parsed.Definition;
        return definition is null ? parsed.Errors : Validate(definition);
    }

    /// <summary>JSON null where an object belongs: reported here so nothing later has to guard against it.</summary>
    private static bool NullEntries(WorkflowDefinition definition, List<ValidationError> errors)
    {
        void Check<T>(IReadOnlyList<T?> items, string name)
        {
            for (var i = 0; i < items.Count; i++)
                if (items[i] is null) errors.Add(new($"$.{name}[{i}]", "json.null", $"An entry of '{name}' is null."));
        }
        Check(definition.Parameters, "parameters");
        Check(definition.Variables, "variables");
        Check(definition.Activities, "activities");
        Check(definition.Connections, "connections");
        Check(definition.Stages, "stages");
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            foreach (var (output, variable) in definition.Activities[i]?.Outputs ?? new Dictionary<string, string>())
                if (variable is null) errors.Add(new(JsonPath.Member($"$.activities[{i}].outputs", output), "json.null", "Map the output to a variable name, or leave it out."));
        }
        return errors.Count > 0;
    }

    private static void ValidateStages(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Stages.Count; i++)
        {
            var stage = definition.Stages[i];
            if (string.IsNullOrWhiteSpace(stage.Name) || stage.Name.Length > 200)
                errors.Add(new($"$.stages[{i}].name", "stage.name", "A stage needs a name of at most 200 characters."));
            else if (!names.Add(stage.Name))
                errors.Add(new($"$.stages[{i}].name", "stage.duplicate", $"Another stage is already named '{stage.Name}'."));
            if (stage.PlannedDuration?.Problem is { } problem)
                errors.Add(new($"$.stages[{i}].plannedDuration", "period.invalid", $"Invalid value for 'plannedDuration': {problem}."));
        }
        if (definition.Stages.Count == 0) return;
        for (var i = 0; i < definition.Activities.Count; i++)
            if (definition.Activities[i].Stage is { } stage && !names.Contains(stage))
                errors.Add(new($"$.activities[{i}].stage", "stage.unknown", $"'{stage}' is not one of the definition's stages: {string.Join(", ", definition.Stages.Select(s => s.Name))}."));
    }

    private static Dictionary<string, ParameterDefinition> ValidateParameters(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var byName = new Dictionary<string, ParameterDefinition>();
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var parameter = definition.Parameters[i];
            var path = $"$.parameters[{i}]";
            if (!NamePattern().IsMatch(parameter.Name))
                errors.Add(new($"{path}.name", "parameter.name", "A parameter name must start with a letter and hold only letters, digits, '_' or '-'."));
            else if (!byName.TryAdd(parameter.Name, parameter))
                errors.Add(new($"{path}.name", "parameter.duplicate", $"Another parameter is already named '{parameter.Name}'."));
            if (string.IsNullOrWhiteSpace(parameter.Source))
                errors.Add(new($"{path}.source", "parameter.source", "Every parameter cites its legal source (regulation or section), or says why there is none."));

            if (parameter.Measure is { } measure && (parameter.Type is not (DataType.Number or DataType.Integer) || string.IsNullOrWhiteSpace(measure) || measure.Length > 100))
                errors.Add(new($"{path}.measure", "parameter.measure", "Only a number or integer parameter has a measure: up to 100 characters saying what it counts, e.g. \"percent\"."));
            if (parameter.Type == DataType.Period)
            {
                if (parameter.Unit is null)
                    errors.Add(new($"{path}.unit", "period.unit", "A period needs a unit: calendarDays, calendarMonths or workingDays."));
                if (parameter.Value.ValueKind == JsonValueKind.Null)
                {
                    // "Not known" is honest only where the research found nothing: a deadline on it is then not set.
                    if (parameter.Confidence != Confidence.NotFound)
                        errors.Add(new($"{path}.value", "period.invalid", "Only a period whose confidence is \"not-found\" may have no value (null)."));
                }
                else if (parameter.Value.ValueKind != JsonValueKind.Number || !parameter.Value.TryGetInt32(out var count))
                    errors.Add(new($"{path}.value", "period.invalid", "A period's value is a whole number of its unit, or null where the research found none."));
                else if (parameter.Unit is { } unit && new StatutoryPeriod(count, unit).Problem is { } problem)
                    errors.Add(new($"{path}.value", "period.invalid", $"Invalid period: {problem}."));
            }
            else
            {
                if (parameter.Unit is not null)
                    errors.Add(new($"{path}.unit", "parameter.unit", "Only a period parameter has a unit."));
                if (parameter.Value.ValueKind == JsonValueKind.Undefined)
                    errors.Add(new($"{path}.value", "parameter.value", "A parameter needs a value."));
                else if (DataTypes.Check(parameter.Type, parameter.Value) is { } problem)
                    errors.Add(new($"{path}.value", "parameter.type", $"The value does not match the type '{parameter.Type}': {problem}."));
            }
        }
        return byName;
    }

    private static Dictionary<string, VariableDefinition> ValidateVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var byName = new Dictionary<string, VariableDefinition>();
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var variable = definition.Variables[i];
            var path = $"$.variables[{i}]";
            if (!NamePattern().IsMatch(variable.Name))
                errors.Add(new($"{path}.name", "variable.name", "A variable name must start with a letter and hold only letters, digits, '_' or '-'."));
            else if (!byName.TryAdd(variable.Name, variable))
                errors.Add(new($"{path}.name", "variable.duplicate", $"Another variable is already named '{variable.Name}'."));
            if (variable.Default is { } value && value.ValueKind != JsonValueKind.Null && DataTypes.Check(variable.Type, value) is { } problem)
                errors.Add(new($"{path}.default", "variable.type", $"The default does not match the type '{variable.Type}': {problem}."));
        }
        return byName;
    }

    private Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor, int Index)> ValidateActivities(
        WorkflowDefinition definition,
        Dictionary<string, ParameterDefinition> parameters,
        Dictionary<string, VariableDefinition> variables,
        List<ValidationError> errors)
    {
        var nodes = new Dictionary<string, (ActivityNode, ActivityDescriptor?, int)>();
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            var path = $"$.activities[{i}]";
            if (!NamePattern().IsMatch(node.Id))
            {
                errors.Add(new($"{path}.id", "activity.id", "An activity id must start with a letter and hold only letters, digits, '_' or '-'."));
                continue;
            }
            var descriptor = registry.Find(node.Type);
            if (!nodes.TryAdd(node.Id, (node, descriptor, i)))
                errors.Add(new($"{path}.id", "activity.duplicate", $"Another activity already has the id '{node.Id}'."));
            if (descriptor is null)
            {
                errors.Add(new($"{path}.type", "activity.type", $"Unknown activity type '{node.Type}'."));
                continue;
            }

            foreach (var (name, value) in node.Inputs)
            {
                var input = descriptor.FindInput(name);
                if (input is null)
                {
                    errors.Add(new(JsonPath.Member($"{path}.inputs", name), "input.unknown", descriptor.Inputs.Count == 0
                        ? $"'{descriptor.TypeName}' takes no inputs."
                        : $"'{descriptor.TypeName}' has no input named '{name}'. Its inputs: {string.Join(", ", descriptor.Inputs.Select(x => x.Name))}."));
                    continue;
                }
                ValidateInputValue(input, value, JsonPath.Member($"{path}.inputs", name), parameters, variables, definition, errors);
            }
            foreach (var input in descriptor.Inputs.Where(x => x.Required && !node.Inputs.ContainsKey(x.Name)))
                errors.Add(new($"{path}.inputs.{input.Name}", "input.missing", $"The input '{input.Name}' of '{descriptor.TypeName}' is required."));

            foreach (var (output, variableName) in node.Outputs)
            {
                var descriptorOutput = descriptor.FindOutput(output);
                if (descriptorOutput is null)
                    errors.Add(new(JsonPath.Member($"{path}.outputs", output), "output.unknown", $"'{descriptor.TypeName}' has no output named '{output}'."));
                else if (!variables.TryGetValue(variableName, out var variable))
                    errors.Add(new(JsonPath.Member($"{path}.outputs", output), "variable.unknown", $"No variable named '{variableName}' is declared."));
                else if (!DataTypes.IsAssignable(descriptorOutput.Type, variable.Type))
                    errors.Add(new(JsonPath.Member($"{path}.outputs", output), "output.type", $"The output is {descriptorOutput.Type} but the variable '{variableName}' is {variable.Type}."));
            }

            if (node.Deadline is { } deadline) ValidateDeadline(descriptor, deadline, $"{path}.deadline", parameters, variables, definition, errors);

            registry.Create(descriptor).Validate(new ActivityValidationContext(definition, node, path, errors, registry.Services));
        }
        return nodes;
    }

    private static readonly InputDescriptor DeadlinePeriod = new("period", "Period", DataType.Period, true, null, null, "", null);
    private static readonly InputDescriptor DeadlineFrom = new("from", "From", DataType.Date, false, null, null, "", null);
    private static readonly InputDescriptor ReminderBefore = new("before", "Before", DataType.Period, true, null, null, "", null);
    private static readonly InputDescriptor ReminderEvery = new("every", "Every", DataType.Period, true, null, null, "", null);

    private static void ValidateDeadline(
        ActivityDescriptor descriptor,
        DeadlineDefinition deadline,
        string path,
        Dictionary<string, ParameterDefinition> parameters,
        Dictionary<string, VariableDefinition> variables,
        WorkflowDefinition definition,
        List<ValidationError> errors)
    {
        if (!descriptor.CanWait)
            errors.Add(new(path, "deadline.notWaiting", $"'{descriptor.TypeName}' does not wait, so it cannot have a deadline."));
        if (string.IsNullOrWhiteSpace(deadline.Source))
            errors.Add(new($"{path}.source", "deadline.source", "A deadline cites the regulation that sets it."));
        if (deadline.Period.ValueKind == JsonValueKind.Undefined)
            errors.Add(new($"{path}.period", "input.missing", "A deadline needs a period."));
        else
            ValidateInputValue(DeadlinePeriod, deadline.Period, $"{path}.period", parameters, variables, definition, errors);
        if (deadline.From is { } from)
            ValidateInputValue(DeadlineFrom, from, $"{path}.from", parameters, variables, definition, errors);
        ValidateNotificationRule(deadline.Notify, $"{path}.notify", errors);
        ValidateNotificationRule(deadline.Escalate, $"{path}.escalate", errors);
        if (deadline.Notify is not null && deadline.Reminders.Count == 0)
            errors.Add(new($"{path}.notify", "deadline.notifyWithoutReminders", "'notify' is sent at each reminder, but the deadline has no reminders."));
        for (var i = 0; i < deadline.Reminders.Count; i++)
        {
            var reminder = deadline.Reminders[i];
            var reminderPath = $"{path}.reminders[{i}]";
            if (reminder is null)
            {
                errors.Add(new(reminderPath, "json.null", "A reminder is null."));
                continue;
            }
            var kinds = (reminder.Before is not null ? 1 : 0) + (reminder.OnTheDay ? 1 : 0) + (reminder.Every is not null ? 1 : 0);
            if (kinds != 1)
                errors.Add(new(reminderPath, "reminder.kind", "A reminder is exactly one of 'before' (a period), 'onTheDay': true, or 'every' (a period)."));
            if (reminder.Before is { } before) ValidateInputValue(ReminderBefore, before, $"{reminderPath}.before", parameters, variables, definition, errors);
            if (reminder.Every is { } every)
            {
                ValidateInputValue(ReminderEvery, every, $"{reminderPath}.every", parameters, variables, definition, errors);
                if (deadline.OnExpiry != DeadlineExpiry.Escalate)
                    errors.Add(new($"{reminderPath}.every", "reminder.every", "Repeating reminders after the last day need \"onExpiry\": \"escalate\": an interrupting deadline stops the wait."));
            }
        }
    }

    private static void ValidateInputValue(
        InputDescriptor input,
        JsonElement value,
        string path,
        Dictionary<string, ParameterDefinition> parameters,
        Dictionary<string, VariableDefinition> variables,
        WorkflowDefinition definition,
        List<ValidationError> errors)
    {
        if (ValueReference.TryParse(value, out var reference))
        {
            DataType? referenced = reference.Kind == ValueReferenceKind.Parameter
                ? parameters.TryGetValue(reference.Name, out var p) ? p.Type : null
                : variables.TryGetValue(reference.Name, out var v) ? v.Type : null;
            if (referenced is null)
                errors.Add(new(path, $"{reference.Kind.ToString().ToLowerInvariant()}.unknown", $"No {reference.Kind.ToString().ToLowerInvariant()} named '{reference.Name}' is declared."));
            else if (reference.Path is not null)
            {
                // A member of a JSON value has no declared type: it is checked when the case runs.
                if (referenced != DataType.Json)
                    errors.Add(new(path, "reference.path", $"A 'path' reads into a json variable; '{reference.Name}' is {referenced}."));
                else if (reference.Path.Split('.').Any(m => m.Length == 0))
                    errors.Add(new(path, "reference.path", $"'{reference.Path}' is not a member path such as 'servedOn' or 'result.passed'."));
            }
            else if (!DataTypes.IsAssignable(referenced.Value, input.Type))
                errors.Add(new(path, "input.type", $"The input '{input.Name}' takes {input.Type} but '{reference.Name}' is {referenced}."));
            return;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (input.Required) errors.Add(new(path, "input.missing", $"The input '{input.Name}' is required."));
            return;
        }
        if (DataTypes.Check(input.Type, value) is { } problem)
        {
            errors.Add(new(path, input.Type == DataType.Period ? "period.invalid" : "input.type", $"Invalid value for '{input.Name}': {problem}."));
            return;
        }
        if (input.Options is { } options && !options.Contains(value.GetString()))
            errors.Add(new(path, "input.option", $"'{value.GetString()}' is not one of: {string.Join(", ", options)}."));
        if (input.UIHint == UIHints.VariablePicker && !variables.ContainsKey(value.GetString()!))
            errors.Add(new(path, "variable.unknown", $"No variable named '{value.GetString()}' is declared."));
        if (input.UIHint == UIHints.ActivityPicker && definition.Activities.All(a => a.Id != value.GetString()))
            errors.Add(new(path, "activity.unknown", $"No activity has the id '{value.GetString()}'."));
    }

    private static void ValidateConnections(
        WorkflowDefinition definition,
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor, int Index)> nodes,
        List<ValidationError> errors)
    {
        var seen = new HashSet<(string, string?, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var path = $"$.connections[{i}]";
            var sourceOk = nodes.TryGetValue(connection.Source.Activity, out var source);
            var targetOk = nodes.TryGetValue(connection.Target.Activity, out var target);
            if (!sourceOk)
                errors.Add(new($"{path}.source.activity", "connection.dangling", $"The connection starts at '{connection.Source.Activity}', which is not an activity of this definition."));
            if (!targetOk)
                errors.Add(new($"{path}.target.activity", "connection.dangling", $"The connection ends at '{connection.Target.Activity}', which is not an activity of this definition."));
            if (sourceOk && source.Descriptor is { } sourceDescriptor)
            {
                var ports = sourceDescriptor.PortsOf(source.Node);
                if (sourceDescriptor.IsTerminal)
                    errors.Add(new($"{path}.source.activity", "connection.fromEnd", $"'{source.Node.Id}' ends the case and cannot lead anywhere."));
                else if (string.IsNullOrEmpty(connection.Source.Port) || !ports.Contains(connection.Source.Port))
                    errors.Add(new($"{path}.source.port", "connection.port", $"'{source.Node.Id}' has no port '{connection.Source.Port}'. Its ports: {string.Join(", ", ports)}."));
            }
            if (targetOk && target.Descriptor is { IsStart: true })
                errors.Add(new($"{path}.target.activity", "connection.toStart", $"'{target.Node.Id}' starts the case and cannot be a target."));
            if (!seen.Add((connection.Source.Activity, connection.Source.Port, connection.Target.Activity)))
                errors.Add(new(path, "connection.duplicate", $"The connection {connection.Source.Activity}.{connection.Source.Port} → {connection.Target.Activity} appears more than once."));
        }
    }

    private static void ValidateGraph(
        WorkflowDefinition definition,
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor, int Index)> nodes,
        List<ValidationError> errors)
    {
        var starts = nodes.Values.Where(n => n.Descriptor is { IsStart: true }).ToList();
        if (starts.Count == 0)
        {
            errors.Add(new("$.activities", "definition.noStart", "A definition needs exactly one Start activity."));
            return;
        }
        foreach (var extra in starts.Skip(1))
            errors.Add(new($"$.activities[{extra.Index}]", "definition.multipleStarts", $"Only one Start activity is allowed; '{starts[0].Node.Id}' is already the start."));

        var outbound = definition.Connections.ToLookup(c => c.Source.Activity);
        var reached = new HashSet<string> { starts[0].Node.Id };
        var frontier = new Stack<string>(reached);
        while (frontier.TryPop(out var id))
        {
            foreach (var connection in outbound[id])
            {
                if (nodes.ContainsKey(connection.Target.Activity) && reached.Add(connection.Target.Activity))
                    frontier.Push(connection.Target.Activity);
            }
        }
        foreach (var node in nodes.Values.Where(n => !reached.Contains(n.Node.Id)).OrderBy(n => n.Index))
            errors.Add(new($"$.activities[{node.Index}]", "activity.unreachable", $"'{node.Node.Id}' cannot be reached from the start."));
    }
}
