using System.Text.Json;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Workflows.Runtime;

/// <summary>Human tasks: claiming, handing on and completing them. Each is a journaled run on the task's case.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Gives an open task to <paramref name="assignee"/>; claiming one's own task again changes nothing.</summary>
    public Task<StimulusResult> ClaimTaskAsync(Guid instanceId, string taskId, string assignee, string actor, CancellationToken cancellationToken = default) =>
        OnTaskAsync(instanceId, taskId, actor, cancellationToken, (unit, bookmark, task) =>
        {
            if (task.Assignee == assignee) return unit.Result(StimulusOutcome.Duplicate, "You have already claimed this task.");
            if (task.Assignee is { } holder) return unit.Result(StimulusOutcome.Rejected, $"The task is already claimed by {holder}.");
            Replace(unit, bookmark, task with { Assignee = assignee });
            unit.Run.Record(JournalEntryKind.TaskClaimed, bookmark.Activity, new { task = taskId, assignee });
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });

    /// <summary>Puts a claimed task back for anyone eligible to take.</summary>
    public Task<StimulusResult> UnclaimTaskAsync(Guid instanceId, string taskId, string actor, CancellationToken cancellationToken = default) =>
        OnTaskAsync(instanceId, taskId, actor, cancellationToken, (unit, bookmark, task) =>
        {
            if (task.Assignee is null) return unit.Result(StimulusOutcome.Duplicate, "Nobody has claimed the task.");
            Replace(unit, bookmark, task with { Assignee = null });
            unit.Run.Record(JournalEntryKind.TaskUnclaimed, bookmark.Activity, new { task = taskId, previous = task.Assignee });
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });

    /// <summary>Hands a task to someone else, whether or not it was claimed.</summary>
    public Task<StimulusResult> ReassignTaskAsync(Guid instanceId, string taskId, string assignee, string actor, CancellationToken cancellationToken = default) =>
        OnTaskAsync(instanceId, taskId, actor, cancellationToken, (unit, bookmark, task) =>
        {
            if (task.Assignee == assignee) return unit.Result(StimulusOutcome.Duplicate, $"The task is already with {assignee}.");
            Replace(unit, bookmark, task with { Assignee = assignee });
            unit.Run.Record(JournalEntryKind.TaskReassigned, bookmark.Activity, new { task = taskId, from = task.Assignee, to = assignee });
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });

    /// <summary>
    /// Completes a task with an outcome and the form's answers, and the case goes on through that outcome's port.
    /// A task completes once: a second completion is <see cref="StimulusOutcome.Duplicate"/> (same person) or
    /// rejected. Answers that do not fit the form throw <see cref="CaseInputException"/> and change nothing.
    /// </summary>
    /// <param name="by">Who completes it (their user name), recorded as the task's <c>completedBy</c>.</param>
    public Task<StimulusResult> CompleteTaskAsync(Guid instanceId, string taskId, string? outcome, JsonElement? data, string by, string actor, CancellationToken cancellationToken = default) =>
        InLockAsync(instanceId, $"task:{taskId}", actor, cancellationToken, async unit =>
        {
            if (unit.StimulusSeen) return unit.Result(StimulusOutcome.Rejected, "The task has already been completed.");
            var found = FindTask(unit, taskId);
            if (found.Problem is { } problem) return problem;
            if (unit.Run.State.IsFrozen(found.Bookmark!))
                return unit.Result(StimulusOutcome.Rejected, $"The case is on hold since {unit.Run.State.Hold!.Since:d MMMM yyyy}: {unit.Run.State.Hold.Reason}. The task can be completed when the hold ends.");
            var (bookmark, task) = (found.Bookmark!, found.Task!);
            var errors = TaskSubmission.Check(task, outcome, data);
            if (errors.Count == 0) errors = await CheckDocumentsAsync(task, instanceId, data, cancellationToken);
            if (errors.Count > 0) throw new CaseInputException(errors);

            var completion = new TaskCompletion(outcome!, data?.ValueKind == JsonValueKind.Object ? data.Value.Clone() : null, by);
            var payload = JsonSerializer.SerializeToElement(completion, JournalJson.Options);
            unit.Transaction.InsertStimulus(new StimulusRecord(instanceId, $"task:{taskId}", null, taskId, payload.GetRawText(), actor, StimulusStatus.Applied, unit.Run.Now, unit.Run.Now));
            unit.Run.CompletedTasks[taskId] = completion;
            unit.Run.Record(JournalEntryKind.TaskCompleted, bookmark.Activity, new { task = taskId, outcome, by, data = completion.Data });
            await unit.Run.ResumeAsync(bookmark, payload);
            await ApplyPendingStimuliAsync(unit);
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });

    /// <summary>An open task of a case, as the case holds it (with its instructions and form), or null.</summary>
    public async Task<HumanTask?> GetTaskAsync(Guid instanceId, string taskId, CancellationToken cancellationToken = default)
    {
        var record = await store.FindInstanceAsync(instanceId, cancellationToken);
        if (record is null) return null;
        var bookmark = DeserializeState(record.State).Bookmarks.FirstOrDefault(b => b.Id == taskId && HumanTask.IsTask(b));
        return bookmark is null ? null : HumanTask.From(bookmark);
    }

    /// <summary>A document answer must name a document uploaded to this case, not merely look like an id.</summary>
    private async Task<IReadOnlyList<Validation.ValidationError>> CheckDocumentsAsync(HumanTask task, Guid instanceId, JsonElement? data, CancellationToken cancellationToken)
    {
        var errors = new List<Validation.ValidationError>();
        if (data is not { ValueKind: JsonValueKind.Object } answers) return errors;
        foreach (var field in task.Form.Where(f => f.Type == TaskFieldType.Document))
        {
            if (!answers.TryGetProperty(field.Name, out var value) || value.ValueKind != JsonValueKind.String || !TaskSubmission.IsDocumentId(value.GetString())) continue;
            var documentId = Guid.Parse(value.GetString()!);
            if (await store.Documents.FindAsync(documentId, cancellationToken) is not { } document || document.InstanceId != instanceId)
                errors.Add(new($"$.data.{field.Name}", "task.field.document", $"{field.Label}: no document {documentId} has been uploaded to this case."));
        }
        return errors;
    }

    private Task<StimulusResult> OnTaskAsync(Guid instanceId, string taskId, string actor, CancellationToken cancellationToken, Func<RunUnit, Bookmark, HumanTask, StimulusResult> change) =>
        InLockAsync(instanceId, null, actor, cancellationToken, unit =>
        {
            var found = FindTask(unit, taskId);
            return Task.FromResult(found.Problem ?? change(unit, found.Bookmark!, found.Task!));
        });

    private static (Bookmark? Bookmark, HumanTask? Task, StimulusResult? Problem) FindTask(RunUnit unit, string taskId)
    {
        if (unit.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            return (null, null, unit.Result(StimulusOutcome.Rejected, $"The case is {unit.Instance.Status.ToString().ToLowerInvariant()}."));
        if (unit.Run.State.Fault is not null)
            return (null, null, unit.Result(StimulusOutcome.Rejected, "The case is stopped by an incident; an administrator must retry it first."));
        var bookmark = unit.Run.State.Bookmarks.FirstOrDefault(b => b.Id == taskId && HumanTask.IsTask(b));
        return bookmark is null
            ? (null, null, unit.Result(StimulusOutcome.Rejected, "The task is no longer open."))
            : (bookmark, HumanTask.From(bookmark), null);
    }

    private static void Replace(RunUnit unit, Bookmark bookmark, HumanTask task)
    {
        var bookmarks = unit.Run.State.Bookmarks;
        bookmarks[bookmarks.IndexOf(bookmark)] = bookmark with { Data = task.ToJson() };
    }
}
