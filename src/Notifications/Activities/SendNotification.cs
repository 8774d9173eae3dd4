using System.Text.Json;
using System.Text.RegularExpressions;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Templates;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Validation;

namespace RightToManage.Notifications.Activities;

/// <summary>
/// Emails the case's parties from a template. The message is committed to the outbox with the step that
/// sends it and delivered afterwards, with retries; the case does not wait for delivery.
/// </summary>
[Activity("SendNotification", Category = "Notifications",
    Description = "Emails parties to the case (by role, e.g. the TMO secretary) from a template in workflow-definitions/templates.")]
[Port("done")]
public sealed partial class SendNotification : Activity
{
    [Input(Description = "The template's name, e.g. \"proposal-notice-decided\".")]
    public string Template { get; set; } = "";

    [Input(Description = "Party roles to send to, e.g. [\"tmo-secretary\", \"tmo-committee\"].")]
    public string[] To { get; set; } = [];

    [Input(Description = "Party roles to copy in.")]
    public string[]? Cc { get; set; }

    [Input(Description = "Values for the template's own fields: name → a value or {\"$variable\": …}.")]
    public JsonElement? Fields { get; set; }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*\z")]
    private static partial Regex FieldName();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var fields = new Dictionary<string, JsonElement>
        {
            ["reference"] = JsonSerializer.SerializeToElement(context.Reference ?? context.InstanceId.ToString()),
            ["definitionName"] = JsonSerializer.SerializeToElement(context.Definition.Name),
            ["stage"] = JsonSerializer.SerializeToElement(context.Stage ?? ""),
        };
        if (Fields is { ValueKind: JsonValueKind.Object } given)
        {
            foreach (var field in given.EnumerateObject())
                fields[field.Name] = context.Resolve(field.Value, $"field '{field.Name}'").Clone();
        }
        var payload = new EmailPayload(Template, To, Cc ?? [], fields);
        context.AddOutboxMessage(EmailPayload.Kind, payload.ToJson());
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        ValidateRoles(context, "to", required: true);
        ValidateRoles(context, "cc", required: false);

        var provided = new List<string>(NotificationFields.Common);
        if (context.Node.Inputs.TryGetValue("fields", out var fields) && fields.ValueKind != JsonValueKind.Null)
        {
            if (fields.ValueKind != JsonValueKind.Object)
            {
                context.AddError("inputs.fields", "input.type", "'fields' is an object: field name → a value or {\"$variable\": \"name\"}.");
            }
            else
            {
                foreach (var field in fields.EnumerateObject())
                {
                    if (!FieldName().IsMatch(field.Name))
                        context.AddError(JsonPath.Member("inputs.fields", field.Name), "field.name", "A field name starts with a letter and holds only letters and digits.");
                    else if (NotificationFields.Common.Contains(field.Name))
                        context.AddError(JsonPath.Member("inputs.fields", field.Name), "field.reserved", $"'{field.Name}' is filled in for every message; choose another name.");
                    else
                        provided.Add(field.Name);
                    if (ValueReference.TryParse(field.Value, out var reference) && !IsDeclared(context.Definition, reference))
                        context.AddError(JsonPath.Member("inputs.fields", field.Name), $"{reference.Kind.ToString().ToLowerInvariant()}.unknown",
                            $"No {reference.Kind.ToString().ToLowerInvariant()} named '{reference.Name}' is declared.");
                }
            }
        }

        if (!context.TryGetLiteral<string>("template", out var name) || string.IsNullOrWhiteSpace(name))
        {
            if (context.HasInput("template")) context.AddError("inputs.template", "template.literal", "Name the template literally, so it can be checked now.");
            return;
        }
        if (context.GetService<TemplateCatalog>() is not { } templates)
        {
            context.AddError("type", "notifications.unavailable", "SendNotification needs the notifications module, which this server does not have.");
            return;
        }
        var errors = new List<Workflows.Validation.ValidationError>();
        NotificationDefinitionCheck.CheckTemplate(templates, name, provided, $"{context.Path}.inputs.template", errors);
        foreach (var error in errors) context.AddError(error.Path[(context.Path.Length + 1)..], error.Code, error.Message);
    }

    private static void ValidateRoles(ActivityValidationContext context, string input, bool required)
    {
        if (!context.HasInput(input)) return;
        if (!context.TryGetLiteral<string[]>(input, out var roles))
        {
            context.AddError($"inputs.{input}", "notification.to", "List party roles literally, e.g. [\"tmo-secretary\"].");
            return;
        }
        if (required && roles.Length == 0)
            context.AddError($"inputs.{input}", "notification.to", $"Name at least one party role: {string.Join(", ", PartyRoles.All)}.");
        for (var i = 0; i < roles.Length; i++)
            if (roles[i] is not { } role || !PartyRoles.IsKnown(role))
                context.AddError($"inputs.{input}[{i}]", "party.role", $"'{roles[i]}' is not a party role. Roles: {string.Join(", ", PartyRoles.All)}.");
    }

    private static bool IsDeclared(WorkflowDefinition definition, ValueReference reference) => reference.Kind == ValueReferenceKind.Variable
        ? definition.Variables.Any(v => v.Name == reference.Name)
        : definition.Parameters.Any(p => p.Name == reference.Name);
}
