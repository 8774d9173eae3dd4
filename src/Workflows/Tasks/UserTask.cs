using System.Text.Json;
using System.Text.RegularExpressions;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Tasks;

/// <summary>
/// Work for a person: the case waits until someone in the candidate organisation (with the candidate role)
/// completes the task with one of its outcomes, which selects the port the case goes on through. Attach a
/// deadline for the statutory time limit; it becomes the task's due date.
/// </summary>
[Activity("UserTask", Category = "People", CanWait = true, DynamicPortsInput = "outcomes",
    Description = "A task for a person (e.g. the council decides on a proposal notice): instructions, a form, outcomes as ports.")]
public sealed partial class UserTask : Activity
{
    [Input(Description = "What to do, in a few words, e.g. \"Decide on the proposal notice\".")]
    public string Title { get; set; } = "";

    [Input(Description = "What the person must do and why, citing the regulation.", UIHint = UIHints.MultiLine)]
    public string Instructions { get; set; } = "";

    [Input(Description = "The provision that puts this task on its holder, e.g. \"SI 2012/1821 reg 11\".")]
    public string Source { get; set; } = "";

    [Input(Description = "How the task can end, e.g. [\"accept\", \"refuse\"]; each becomes a port.", UIHint = UIHints.TextList)]
    public string[] Outcomes { get; set; } = [];

    [Input(Description = "The form: a list of fields {name, label, type: text|date|number|yesNo|choice|document, required, hint, options, maxLength, min, max, requiredFor}.", UIHint = UIHints.Json)]
    public JsonElement? Form { get; set; }

    [Input(Description = "The organisation on the case whose people do the task: tmo, tenant-group, local-authority, assessor, ballot-body or secretary-of-state.")]
    public string CandidateParty { get; set; } = "";

    [Input(Description = "The role they need, e.g. \"la-officer\"; empty for anyone in the organisation.")]
    public string? CandidateRole { get; set; }

    [Input(Description = "A person (user name) to give the task to at once.")]
    public string? Assignee { get; set; }

    [Input(DefaultJson = "\"normal\"", Description = "low, normal, high or urgent.")]
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    [Output(Description = "The form's answers.")]
    public JsonElement? Data { get; set; }

    [Output(Description = "Who completed the task.")]
    public string? CompletedBy { get; set; }

    [Output(Description = "The outcome chosen, e.g. \"accept\".")]
    public string? Outcome { get; set; }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,63}\z")]
    private static partial Regex FieldName();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var organisation = context.OrganisationFor(CandidateParty)
            ?? throw new WorkflowFaultException($"The case names no '{CandidateParty}' organisation, so nobody could take the task '{Title}'. " +
                "A case's organisations are given when it starts: cancel this case and start it again with them.");
        var task = new HumanTask
        {
            Title = Title,
            Instructions = Instructions,
            Source = Source,
            Outcomes = Outcomes,
            Form = ParseForm(Form),
            CandidateOrganisation = organisation,
            CandidateRole = string.IsNullOrWhiteSpace(CandidateRole) ? null : CandidateRole,
            Assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee,
            Priority = Priority,
        };
        return ValueTask.FromResult(ActivityResult.Suspend(HumanTask.BookmarkName, task.ToJson()));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonElement? payload)
    {
        var completion = payload?.Deserialize<TaskCompletion>(new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new WorkflowFaultException("A task is completed through the task API, with an outcome.");
        Data = completion.Data;
        CompletedBy = completion.By;
        Outcome = completion.Outcome;
        return ValueTask.FromResult(ActivityResult.Complete(completion.Outcome));
    }

    public override void Validate(ActivityValidationContext context)
    {
        foreach (var text in new[] { "title", "instructions", "source" })
            if (context.TryGetLiteral<string>(text, out var value) && string.IsNullOrWhiteSpace(value))
                context.AddError($"inputs.{text}", "field.required", $"'{text}' cannot be empty.");
        if (context.TryGetLiteral<string[]>("outcomes", out var outcomes))
        {
            if (outcomes.Length == 0) context.AddError("inputs.outcomes", "task.outcomes", "A task needs at least one outcome, e.g. [\"done\"].");
            foreach (var duplicate in outcomes.GroupBy(o => o).Where(g => g.Count() > 1 || g.Key is "overdue" or "reminder"))
                context.AddError("inputs.outcomes", "task.outcomes", $"The outcome '{duplicate.Key}' is listed twice or clashes with a deadline port.");
        }
        if (context.TryGetLiteral<string>("candidateParty", out var party) && !OrganisationRoles.IsKnown(party))
            context.AddError("inputs.candidateParty", "task.candidateParty", $"'{party}' is not an organisation role. Roles: {string.Join(", ", OrganisationRoles.All)}.");
        if (context.Node.Inputs.TryGetValue("form", out var form) && form.ValueKind != JsonValueKind.Null)
        {
            if (form.ValueKind != JsonValueKind.Array) context.AddError("inputs.form", "task.form", "The form is a list of fields, e.g. [{\"name\": \"receivedOn\", \"label\": \"Date received\", \"type\": \"date\"}].");
            else ValidateForm(context, form, outcomes ?? []);
        }
    }

    private static void ValidateForm(ActivityValidationContext context, JsonElement form, string[] outcomes)
    {
        IReadOnlyList<TaskFormField> fields;
        try
        {
            fields = ParseForm(form);
        }
        catch (JsonException ex)
        {
            context.AddError("inputs.form", "task.form", $"The form is a list of fields ({ex.Message}).");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var path = $"inputs.form[{i}]";
            // The serializer keeps a null list item as null: the nullable annotations it respects do not reach into lists.
            if (field is null)
            {
                context.AddError(path, "json.null", "A form field is an object, e.g. {\"name\": \"receivedOn\", \"label\": \"Date received\", \"type\": \"date\"}, not null.");
                continue;
            }
            if (!FieldName().IsMatch(field.Name)) context.AddError($"{path}.name", "task.field.name", "A field name starts with a letter and holds only letters and digits.");
            else if (!names.Add(field.Name)) context.AddError($"{path}.name", "task.field.duplicate", $"Another field is already named '{field.Name}'.");
            if (string.IsNullOrWhiteSpace(field.Label)) context.AddError($"{path}.label", "field.required", "A field needs a label.");
            if (field.Type == TaskFieldType.Choice && field.Options is not { Count: > 0 })
                context.AddError($"{path}.options", "task.field.options", "A choice needs its options.");
            if (field.Type != TaskFieldType.Choice && field.Options is not null)
                context.AddError($"{path}.options", "task.field.options", "Only a choice has options.");
            if (field.RequiredFor is { } outcome && !outcomes.Contains(outcome))
                context.AddError($"{path}.requiredFor", "task.field.requiredFor", $"'{outcome}' is not one of the task's outcomes.");
            if (field.Min > field.Max) context.AddError($"{path}.min", "task.field.range", "min is greater than max.");
        }
    }

    private static IReadOnlyList<TaskFormField> ParseForm(JsonElement? form) =>
        form is { ValueKind: JsonValueKind.Array } list ? list.Deserialize<List<TaskFormField>>(DefinitionJson.Options) ?? [] : [];
}
