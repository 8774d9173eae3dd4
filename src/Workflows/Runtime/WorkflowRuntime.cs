using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Time;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// The entry point for changing cases. Every call is one transaction: the case row is locked, the
/// interpreter runs in memory, and the new state, bookmarks, journal, incidents and outbox rows are
/// committed together. A crash at any moment leaves the case as it was before the call or after it.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowStore store,
    DefinitionCatalog definitions,
    TimeProvider? timeProvider = null,
    ILogger<WorkflowRuntime>? logger = null,
    StatutoryCalendar? calendar = null,
    ITimerScheduler? timers = null,
    IEnumerable<IRunObserver>? observers = null,
    IOutboxSignal? outboxSignal = null)
{
    private readonly IRunObserver[] _observers = observers?.ToArray() ?? [];

    /// <summary>How often a run is retried when another executor changed the case first.</summary>
    private const int MaxAttempts = 5;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowRuntime>.Instance;
    private readonly StatutoryCalendar _calendar = calendar ?? StatutoryCalendar.England;

    public IWorkflowStore Store => store;

    public DefinitionCatalog Definitions => definitions;

    public async Task<StimulusResult> StartAsync(StartCaseRequest request, CancellationToken cancellationToken = default)
    {
        var definition = await definitions.GetAsync(request.DefinitionId, request.Version, cancellationToken);
        // One instant for the id (UUIDv7, so ids sort by it) and the case's creation time: lists ordered by id are by age.
        var now = _time.GetUtcNow();
        var id = request.InstanceId ?? Guid.CreateVersion7(now);

        var state = new WorkflowState();
        var errors = new List<ValidationError>();
        foreach (var variable in definition.Source.Variables.Where(v => v.Default is { ValueKind: not JsonValueKind.Null }))
            state.Variables[variable.Name] = variable.Default!.Value;
        foreach (var (name, value) in request.Variables)
        {
            if (!definition.Variables.TryGetValue(name, out var declared))
                errors.Add(new ValidationError(JsonPath.Member("$.variables", name), "variable.unknown", $"The definition declares no variable named '{name}'."));
            else if (DataTypes.Check(declared.Type, value) is { } problem)
                errors.Add(new ValidationError(JsonPath.Member("$.variables", name), "variable.type", $"'{name}' is a {declared.Type.ToString().ToLowerInvariant()} variable: {problem}."));
            else
                state.Variables[name] = value.Clone();
        }
        foreach (var (role, organisation) in request.Organisations)
        {
            if (!OrganisationRoles.IsKnown(role))
                errors.Add(new ValidationError(JsonPath.Member("$.organisations", role), "organisation.role", $"'{role}' is not an organisation role. Roles: {string.Join(", ", OrganisationRoles.All)}."));
            else if (string.IsNullOrWhiteSpace(organisation) || organisation.Length > 100)
                errors.Add(new ValidationError(JsonPath.Member("$.organisations", role), "organisation.id", "Give the organisation's id (up to 100 characters)."));
            else if (state.Organisations.ContainsValue(organisation))
                errors.Add(new ValidationError(JsonPath.Member("$.organisations", role), "organisation.duplicate", $"'{organisation}' already plays another role on this case; an organisation plays one."));
            else
                state.Organisations[role] = organisation;
        }
        foreach (var (role, contacts) in request.Parties)
        {
            PartyValidation.Validate(role, contacts, JsonPath.Member("$.parties", role), errors);
            if (contacts is { Count: > 0 }) state.Parties[role] = [.. contacts];
        }
        if (errors.Count > 0) throw new CaseInputException(errors);
        // Only a valid start is recognised as a repeat: a bad one is refused even when its id is taken.
        if (request.InstanceId is not null && await store.FindInstanceAsync(id, cancellationToken) is { } existing)
            return new StimulusResult(StimulusOutcome.Duplicate, id, existing.Status, "This case was already started.");
        if (request.Reference is { } reference && await store.FindInstanceIdByReferenceAsync(reference, cancellationToken) is not null)
            throw new DuplicateReferenceException(reference);

        var run = new FlowchartRun(definition, definitions.Registry, state, id, now, request.Actor, _calendar) { Reference = request.Reference };
        run.Record(JournalEntryKind.CaseStarted, null, new { definition = definition.Source.Id, version = definition.Source.Version, reference = request.Reference });
        if (state.Parties.Count > 0 || state.Organisations.Count > 0)
            run.Record(JournalEntryKind.PartiesChanged, null, new { organisations = state.Organisations, parties = state.Parties });
        state.Queue.Add(new Token(definition.StartActivity, null, null));
        await run.DrainAsync();
        Observe(run);

        await using var transaction = await store.BeginAsync(cancellationToken);
        var record = RunPersistence.Persist(transaction, before: null, id, definition, request.Reference, run, bookmarksBefore: [], forcedStatus: null);
        try
        {
            await transaction.CommitAsync(cancellationToken);
            AfterCommit(run);
            await NotifyTimersAsync(id, [], state.Bookmarks, cancellationToken);
        }
        catch (DbException)
        {
            // A concurrent start with the same reference or instance id won the race.
            if (request.InstanceId is not null && await store.FindInstanceAsync(id, cancellationToken) is { } raced)
                return new StimulusResult(StimulusOutcome.Duplicate, id, raced.Status, "This case was already started.");
            if (request.Reference is not null && await store.FindInstanceIdByReferenceAsync(request.Reference, cancellationToken) is not null)
                throw new DuplicateReferenceException(request.Reference);
            throw;
        }
        return new StimulusResult(StimulusOutcome.Applied, id, record.Status);
    }

    /// <summary>Delivers a stimulus: resumes what waits for it, or keeps it until something does.</summary>
    public Task<StimulusResult> SendAsync(Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        if (stimulus.EventName is null == stimulus.BookmarkId is null)
            throw new ArgumentException("A stimulus names exactly one of an event or a bookmark.", nameof(stimulus));
        if (string.IsNullOrWhiteSpace(stimulus.IdempotencyKey))
            throw new ArgumentException("A stimulus needs an idempotency key.", nameof(stimulus));

        return InLockAsync(stimulus.InstanceId, stimulus.IdempotencyKey, stimulus.Actor, cancellationToken, async unit =>
        {
            if (unit.StimulusSeen) return unit.Result(StimulusOutcome.Duplicate, "This stimulus was already received.");
            if (unit.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
                return unit.Result(StimulusOutcome.Rejected, $"The case is {unit.Instance.Status.ToString().ToLowerInvariant()}.");

            var state = unit.Run.State;
            var matches = state.Fault is not null
                ? []
                : state.Bookmarks.Where(b => Matches(b, stimulus.EventName, stimulus.BookmarkId) && !state.IsFrozen(b)).ToList();
            var payload = stimulus.Payload?.GetRawText();
            if (matches.Count == 0)
            {
                var heldBack = state.Bookmarks.Any(b => Matches(b, stimulus.EventName, stimulus.BookmarkId) && state.IsFrozen(b));
                if (stimulus.BookmarkId is not null && state.Fault is null && !heldBack)
                    return unit.Result(StimulusOutcome.Rejected, $"The case has no bookmark '{stimulus.BookmarkId}'.");
                unit.Transaction.InsertStimulus(new StimulusRecord(unit.Instance.Id, stimulus.IdempotencyKey, stimulus.EventName, stimulus.BookmarkId, payload,
                    stimulus.Actor, StimulusStatus.Pending, unit.Run.Now, null));
                unit.Run.Record(JournalEntryKind.EventQueued, null, new { name = stimulus.EventName ?? stimulus.BookmarkId, key = stimulus.IdempotencyKey, payload = stimulus.Payload });
                unit.Commit();
                return unit.Result(StimulusOutcome.Queued, state.Fault is not null
                    ? "The case is faulted; the stimulus is kept and applied after the incident is retried."
                    : heldBack ? $"The case is on hold ({state.Hold!.Reason}); the event is kept and applied when the hold ends."
                    : "Nothing waits for this event yet; it is kept and applied when something does.");
            }

            unit.Transaction.InsertStimulus(new StimulusRecord(unit.Instance.Id, stimulus.IdempotencyKey, stimulus.EventName, stimulus.BookmarkId, payload,
                stimulus.Actor, StimulusStatus.Applied, unit.Run.Now, unit.Run.Now));
            unit.Run.Record(JournalEntryKind.EventReceived, null, new { name = stimulus.EventName ?? matches[0].Name, key = stimulus.IdempotencyKey, payload = stimulus.Payload });
            foreach (var bookmark in matches)
            {
                if (unit.Run.Ended || state.Fault is not null) break;
                await unit.Run.ResumeAsync(bookmark, stimulus.Payload);
            }
            await ApplyPendingStimuliAsync(unit);
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });
    }

    /// <summary>
    /// Fires a timer that has fallen due (called by the scheduler). Idempotent: a timer fires at most once,
    /// and firing one that is gone (resumed, cancelled, extended) changes nothing. Timers of one case take
    /// effect in the order they fell due: any of its timers due earlier and still pending fire first, in
    /// the same run, whatever order the scheduler's threads reach the case in.
    /// </summary>
    public Task<StimulusResult> FireTimerAsync(Guid instanceId, string timerId, CancellationToken cancellationToken = default)
    {
        var key = $"timer:{timerId}";
        return InLockAsync(instanceId, key, "scheduler", cancellationToken, async unit =>
        {
            if (unit.StimulusSeen) return unit.Result(StimulusOutcome.Duplicate, "This timer has already fired.");
            var state = unit.Run.State;
            var target = state.Bookmarks.FirstOrDefault(b => b.Id == timerId && b.IsTimer);
            if (target is null || unit.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
                return unit.Result(StimulusOutcome.Rejected, "The timer is no longer pending on this case.");
            if (state.Fault is not null || state.IsFrozen(target))
            {
                // Kept like any stimulus to a faulted case; applied after the incident is retried or the hold ends.
                unit.Transaction.InsertStimulus(new StimulusRecord(instanceId, key, null, timerId, null, "scheduler", StimulusStatus.Pending, unit.Run.Now, null));
                unit.Commit();
                return unit.Result(StimulusOutcome.Queued, state.Fault is not null
                    ? "The case is faulted; the timer fires after the incident is retried."
                    : "The case is on hold; the timer fires when the hold ends.");
            }

            unit.Transaction.InsertStimulus(new StimulusRecord(instanceId, key, null, timerId, null, "scheduler", StimulusStatus.Applied, unit.Run.Now, unit.Run.Now));
            unit.FiringTimer = timerId;
            var due = state.Bookmarks.Where(b => b.IsTimer && !state.IsFrozen(b) && (b.DueAt < target.DueAt || b.Id == timerId))
                .OrderBy(b => b.DueAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
            foreach (var timer in due)
            {
                // An earlier step of this run may have removed it (the wait ended, an interrupt).
                if (unit.Run.Ended || state.Fault is not null || state.Bookmarks.All(b => b.Id != timer.Id)) continue;
                unit.Run.Record(JournalEntryKind.TimerFired, timer.Activity, new { timer = timer.Id, dueAt = timer.DueAt });
                await unit.Run.ResumeAsync(timer, null);
            }
            await ApplyPendingStimuliAsync(unit);
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });
    }

    /// <summary>
    /// Moves a running deadline to a later last day; journaled with the reason and legal basis; its timers
    /// are set again. A day not later than the current one throws <see cref="CaseInputException"/>.
    /// </summary>
    public Task<StimulusResult> ExtendDeadlineAsync(DeadlineExtension extension, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(extension.Reason) || string.IsNullOrWhiteSpace(extension.LegalBasis))
            throw new ArgumentException("An extension of time needs a reason and its legal basis.", nameof(extension));
        return InLockAsync(extension.InstanceId, null, extension.Actor, cancellationToken, unit =>
        {
            var waiting = unit.Run.State.Bookmarks.FirstOrDefault(b => b.Activity == extension.Activity && !DeadlineTimers.IsDeadlineTimer(b)
                && DeadlineTimers.LastDayOf(unit.Run.State, b.Id) is not null);
            if (waiting is null)
                return Task.FromResult(unit.Result(StimulusOutcome.Rejected, $"'{extension.Activity}' has no running deadline on this case."));
            try
            {
                unit.Run.Deadlines.Extend(unit.Definition.Node(extension.Activity), waiting, extension.NewLastDay, extension.Reason, extension.LegalBasis);
            }
            catch (ArgumentException ex)
            {
                // Nothing was written: the transaction rolls back as the exception leaves the lock.
                throw new CaseInputException([new ValidationError("$.newLastDay", "deadline.notLater", ex.Message)]);
            }
            unit.Commit();
            return Task.FromResult(unit.Result(StimulusOutcome.Applied));
        });
    }

    /// <summary>Re-runs the step an open incident interrupted, once its cause is fixed.</summary>
    public Task<StimulusResult> RetryAsync(Guid instanceId, Guid incidentId, string actor, CancellationToken cancellationToken = default) =>
        InLockAsync(instanceId, null, actor, cancellationToken, async unit =>
        {
            var fault = unit.Run.State.Fault;
            if (unit.Instance.Status != InstanceStatus.Faulted || fault is null || fault.IncidentId != incidentId)
                return unit.Result(StimulusOutcome.Rejected, "That incident is not open on this case.");
            unit.Transaction.ResolveIncident(incidentId, unit.Run.Now, actor);
            unit.Run.Record(JournalEntryKind.IncidentRetried, null, new { incident = incidentId });
            await unit.Run.RetryFaultAsync();
            await ApplyPendingStimuliAsync(unit);
            unit.Commit();
            return unit.Result(StimulusOutcome.Applied);
        });

    /// <summary>
    /// Replaces the contacts of one party role (an empty list removes the role); journaled. Invalid contacts
    /// throw <see cref="CaseInputException"/> and change nothing.
    /// </summary>
    public Task<StimulusResult> SetPartyAsync(Guid instanceId, string role, IReadOnlyList<PartyContact> contacts, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        PartyValidation.Validate(role, contacts, "$.contacts", errors);
        if (errors.Count > 0) throw new CaseInputException(errors);
        return InLockAsync(instanceId, null, actor, cancellationToken, unit =>
        {
            if (unit.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
                return Task.FromResult(unit.Result(StimulusOutcome.Rejected, $"The case is {unit.Instance.Status.ToString().ToLowerInvariant()}."));
            var parties = unit.Run.State.Parties;
            if (contacts.Count == 0) parties.Remove(role);
            else parties[role] = [.. contacts];
            unit.Run.Record(JournalEntryKind.PartiesChanged, null, new { role, contacts });
            unit.Commit();
            return Task.FromResult(unit.Result(StimulusOutcome.Applied));
        });
    }

    /// <summary>Stops a case for good: every wait is removed; the reason is journaled.</summary>
    public Task<StimulusResult> CancelAsync(Guid instanceId, string reason, string actor, CancellationToken cancellationToken = default) =>
        InLockAsync(instanceId, null, actor, cancellationToken, unit =>
        {
            if (unit.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
                return Task.FromResult(unit.Result(StimulusOutcome.Rejected, $"The case is already {unit.Instance.Status.ToString().ToLowerInvariant()}."));
            var state = unit.Run.State;
            state.Bookmarks.Clear();
            state.Queue.Clear();
            if (state.Fault is { } fault) unit.Transaction.ResolveIncident(fault.IncidentId, unit.Run.Now, actor);
            state.Fault = null;
            state.Hold = null;
            unit.Run.Record(JournalEntryKind.CaseCancelled, null, new { reason });
            unit.Commit(InstanceStatus.Cancelled);
            return Task.FromResult(unit.Result(StimulusOutcome.Applied));
        });

    public async Task<InstanceSnapshot?> GetAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var record = await store.FindInstanceAsync(instanceId, cancellationToken);
        if (record is null) return null;
        var definition = await definitions.GetAsync(record.DefinitionId, record.DefinitionVersion, cancellationToken);
        var state = DeserializeState(record.State);
        return new InstanceSnapshot(record.Id, record.DefinitionId, record.DefinitionVersion, record.Reference, record.Status, record.Outcome,
            RunPersistence.CurrentStages(definition, state), state.Variables, state.Bookmarks, DeadlineTimers.Summaries(definition, state), state.Fault?.IncidentId, record.Version, record.CreatedAt, record.UpdatedAt,
            state.Parties, state.Organisations)
        {
            StageLabels = CaseTimeline.Labels(definition.Source, RunPersistence.CurrentStages(definition, state)),
            Hold = state.Hold,
        };
    }

    public async Task<JournalVerification> VerifyJournalAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var record = await store.FindInstanceAsync(instanceId, cancellationToken)
            ?? throw new KeyNotFoundException($"No case {instanceId}.");
        var entries = await store.ReadJournalAsync(instanceId, cancellationToken);
        return JournalChain.Verify(instanceId, entries, record.JournalLength, record.JournalHead);
    }

    /// <summary>
    /// Events match waiting bookmarks by name; timers are only ever resumed by their id, and tasks only through
    /// <see cref="CompleteTaskAsync"/> (which checks the answers), never by an event that happens to share their name.
    /// </summary>
    private static bool Matches(Bookmark bookmark, string? eventName, string? bookmarkId) =>
        bookmarkId is not null ? bookmark.Id == bookmarkId : !bookmark.IsTimer && !Tasks.HumanTask.IsTask(bookmark) && bookmark.Name == eventName;

    /// <summary>
    /// Tells the scheduler what changed. A failure here loses nothing: the timers are committed, and
    /// reconciliation finds any the scheduler does not know.
    /// </summary>
    /// <param name="firing">The timer whose trigger is firing now: Quartz deletes a spent one-shot trigger itself, so
    /// asking it to unschedule that one only costs a round of its locks (measured at 4–27 ms per firing).</param>
    private async Task NotifyTimersAsync(Guid instanceId, IReadOnlyList<Bookmark> before, IReadOnlyList<Bookmark> after, CancellationToken cancellationToken, string? firing = null)
    {
        if (timers is null) return;
        var beforeIds = before.Where(b => b.IsTimer).Select(b => b.Id).ToHashSet();
        var afterIds = after.Where(b => b.IsTimer).Select(b => b.Id).ToHashSet();
        var added = after.Where(b => b.IsTimer && !beforeIds.Contains(b.Id)).Select(b => new TimerRecord(b.Id, instanceId, b.DueAt!.Value)).ToList();
        var removed = beforeIds.Where(id => !afterIds.Contains(id) && id != firing).ToList();
        if (added.Count == 0 && removed.Count == 0) return;
        try
        {
            await timers.TimersChangedAsync(added, removed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not pass {Added} new and {Removed} ended timer(s) of case {InstanceId} to the scheduler; reconciliation will", added.Count, removed.Count, instanceId);
        }
    }

    private void Observe(FlowchartRun run)
    {
        if (_observers.Length == 0 || run.Journal.Count == 0) return;
        var report = new RunReport(run);
        foreach (var observer in _observers) observer.OnRunCompleting(report);
    }

    private void AfterCommit(FlowchartRun run)
    {
        if (run.Outbox.Count > 0) outboxSignal?.MessagesCommitted();
    }

    private async Task ApplyPendingStimuliAsync(RunUnit unit)
    {
        var state = unit.Run.State;
        var pending = unit.PendingStimuli.ToList();
        var progressed = true;
        while (progressed && !unit.Run.Ended && state.Fault is null)
        {
            progressed = false;
            foreach (var stimulus in pending)
            {
                var matches = state.Bookmarks.Where(b => Matches(b, stimulus.EventName, stimulus.BookmarkId) && !state.IsFrozen(b)).ToList();
                if (matches.Count == 0) continue;
                pending.Remove(stimulus);
                unit.Transaction.MarkStimulusApplied(unit.Instance.Id, stimulus.IdempotencyKey, unit.Run.Now);
                var payload = stimulus.Payload is null ? (JsonElement?)null : JsonDocument.Parse(stimulus.Payload).RootElement.Clone();
                unit.Run.Record(JournalEntryKind.EventReceived, null, new { name = matches[0].Name, key = stimulus.IdempotencyKey, payload, queuedAt = stimulus.ReceivedAt });
                foreach (var bookmark in matches)
                {
                    if (unit.Run.Ended || state.Fault is not null) break;
                    await unit.Run.ResumeAsync(bookmark, payload);
                }
                progressed = true;
                break;
            }
        }
    }

    private async Task<StimulusResult> InLockAsync(Guid instanceId, string? idempotencyKey, string actor, CancellationToken cancellationToken, Func<RunUnit, Task<StimulusResult>> body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await store.BeginAsync(cancellationToken);
                var locked = await transaction.LockInstanceAsync(instanceId, idempotencyKey, cancellationToken);
                if (locked is null) return new StimulusResult(StimulusOutcome.NotFound, instanceId, null, $"No case {instanceId}.");
                var definition = await definitions.GetAsync(locked.Instance.DefinitionId, locked.Instance.DefinitionVersion, cancellationToken);
                var state = DeserializeState(locked.Instance.State);
                var unit = new RunUnit(transaction, locked, definition,
                    new FlowchartRun(definition, definitions.Registry, state, instanceId, _time.GetUtcNow(), actor, _calendar) { Reference = locked.Instance.Reference },
                    [.. state.Bookmarks]);
                var result = await body(unit);
                if (unit.ShouldCommit)
                {
                    Observe(unit.Run);
                    var record = RunPersistence.Persist(transaction, locked.Instance, instanceId, definition, locked.Instance.Reference, unit.Run, unit.BookmarksBefore, unit.ForcedStatus);
                    await transaction.CommitAsync(cancellationToken);
                    AfterCommit(unit.Run);
                    await NotifyTimersAsync(instanceId, unit.BookmarksBefore, state.Bookmarks, cancellationToken, unit.FiringTimer);
                    result = result with { Status = record.Status };
                }
                return result;
            }
            catch (ConcurrencyException ex) when (attempt < MaxAttempts)
            {
                _logger.LogDebug(ex, "Case {InstanceId} changed under attempt {Attempt}; retrying", instanceId, attempt);
            }
        }
    }

    private static WorkflowState DeserializeState(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, JournalJson.Options) ?? new WorkflowState();
}
