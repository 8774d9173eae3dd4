using System.Text.Json;
using Microsoft.Extensions.Logging;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Notifications.Composition;

/// <summary>
/// The notifications a definition asks for without a SendNotification step: a stage changed (its
/// <c>notifications.stageChanged</c> rule), a task handed to someone (<c>notifications.taskAssigned</c>), a deadline's
/// reminder (<c>deadline.notify</c>) and its expiry (<c>deadline.escalate</c>). Each becomes an outbox row in the transaction of the run that caused it.
/// </summary>
public sealed class AutomaticNotifications(ILogger<AutomaticNotifications> logger) : IRunObserver
{
    public void OnRunCompleting(RunReport run)
    {
        var stageRule = run.Definition.Notifications?.StageChanged;
        var assignedRule = run.Definition.Notifications?.TaskAssigned;
        foreach (var step in run.Steps.ToList())
        {
            if (step.Activity is not { } activity) continue;
            try
            {
                switch (step.Kind)
                {
                    case JournalEntryKind.StageEntered when stageRule is not null && Text(step.Data, "previous") is { } previous:
                        Add(run, activity, stageRule, NotificationFields.StageChangedTemplate, new() { ["previousStage"] = previous, ["stage"] = Text(step.Data, "stage") ?? "" });
                        break;
                    case JournalEntryKind.TaskReassigned when assignedRule is not null && Text(step.Data, "to") is { } assignee:
                        AddToAssignee(run, activity, assignedRule, assignee);
                        break;
                    case JournalEntryKind.ReminderDue when run.Node(activity).Deadline is { Notify: { } notify } deadline:
                        Add(run, activity, notify, NotificationFields.ReminderTemplate, DeadlineFields(run, activity, deadline, step.Data));
                        break;
                    case JournalEntryKind.DeadlineExpired when run.Node(activity).Deadline is { Escalate: { } escalate } deadline:
                        Add(run, activity, escalate, NotificationFields.OverdueTemplate, DeadlineFields(run, activity, deadline, step.Data));
                        break;
                }
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or JsonException)
            {
                // A notification must never stop the case's own progress from committing.
                logger.LogError(ex, "Could not queue the automatic notification for {Kind} on {Activity} of case {InstanceId}", step.Kind, activity, run.InstanceId);
            }
        }
    }

    private static Dictionary<string, string> DeadlineFields(RunReport run, string activity, DeadlineDefinition deadline, JsonElement data)
    {
        var node = run.Node(activity);
        return new()
        {
            ["activityName"] = node.DisplayName ?? node.Id,
            ["lastDay"] = Text(data, "lastDay") ?? "",
            ["regulation"] = deadline.Source ?? "",
            ["stage"] = node.Stage ?? "",
        };
    }

    private static void AddToAssignee(RunReport run, string activity, AssigneeNotificationRule rule, string assignee)
    {
        var node = run.Node(activity);
        string Input(string name) => node.Inputs.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var fields = CommonFields(run);
        fields["stage"] = JsonSerializer.SerializeToElement(node.Stage ?? "");
        fields["taskTitle"] = JsonSerializer.SerializeToElement(Input("title") is { Length: > 0 } title ? title : node.DisplayName ?? node.Id);
        fields["source"] = JsonSerializer.SerializeToElement(Input("source"));
        fields["assignedBy"] = JsonSerializer.SerializeToElement(run.Actor);
        var payload = new EmailPayload(rule.Template ?? NotificationFields.TaskAssignedTemplate, [], [], fields) { Addresses = [assignee] };
        run.AddOutboxMessage(activity, EmailPayload.Kind, payload.ToJson());
    }

    private static Dictionary<string, JsonElement> CommonFields(RunReport run) => new()
    {
        ["reference"] = JsonSerializer.SerializeToElement(run.Reference ?? run.InstanceId.ToString()),
        ["definitionName"] = JsonSerializer.SerializeToElement(run.Definition.Name),
    };

    private static void Add(RunReport run, string activity, NotificationRule rule, string defaultTemplate, Dictionary<string, string> specific)
    {
        var fields = CommonFields(run);
        foreach (var (name, value) in specific) fields[name] = JsonSerializer.SerializeToElement(value);
        if (!fields.ContainsKey("stage")) fields["stage"] = JsonSerializer.SerializeToElement("");
        var payload = new EmailPayload(rule.Template ?? defaultTemplate, rule.To, [], fields);
        run.AddOutboxMessage(activity, EmailPayload.Kind, payload.ToJson());
    }

    private static string? Text(JsonElement data, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
