using RightToManage.Notifications.Templates;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Validation;

namespace RightToManage.Notifications.Composition;

/// <summary>A definition's automatic notification rules name templates that exist and need no field their sender lacks.</summary>
public sealed class NotificationDefinitionCheck(TemplateCatalog templates) : IDefinitionCheck
{
    public void Check(WorkflowDefinition definition, List<ValidationError> errors)
    {
        CheckRule(definition.Notifications?.StageChanged, "$.notifications.stageChanged", NotificationFields.StageChangedTemplate, NotificationFields.StageChanged, errors);
        if (definition.Notifications?.TaskAssigned is { } assigned)
        {
            CheckTemplate(templates, assigned.Template ?? NotificationFields.TaskAssignedTemplate, NotificationFields.TaskAssigned,
                assigned.Template is null ? "$.notifications.taskAssigned" : "$.notifications.taskAssigned.template", errors);
        }
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            if (definition.Activities[i].Deadline is not { } deadline) continue;
            CheckRule(deadline.Notify, $"$.activities[{i}].deadline.notify", NotificationFields.ReminderTemplate, NotificationFields.Deadline, errors);
            CheckRule(deadline.Escalate, $"$.activities[{i}].deadline.escalate", NotificationFields.OverdueTemplate, NotificationFields.Deadline, errors);
        }
    }

    internal static void CheckTemplate(TemplateCatalog templates, string name, IEnumerable<string> available, string path, List<ValidationError> errors)
    {
        if (!templates.TryGet(name, out var template))
        {
            var known = templates.All.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
            errors.Add(new(path, "template.unknown", $"No template named '{name}' in workflow-definitions/templates." +
                (known.Count > 0 ? $" Templates: {string.Join(", ", known)}." : "")));
            return;
        }
        var missing = TemplateCatalog.MissingFields(template, available);
        if (missing.Count > 0)
            errors.Add(new(path, "template.field", $"The template '{name}' uses {string.Join(", ", missing.Select(f => $"'{f}'"))}, which this notification does not provide. " +
                $"It provides: {string.Join(", ", available.Order(StringComparer.Ordinal))}."));
    }

    private void CheckRule(NotificationRule? rule, string path, string defaultTemplate, IReadOnlyList<string> available, List<ValidationError> errors)
    {
        if (rule is null) return;
        CheckTemplate(templates, rule.Template ?? defaultTemplate, available, rule.Template is null ? path : $"{path}.template", errors);
    }
}
