using System.Text.Json;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.Runtime;

/// <summary>Turns a finished run into the writes of its transaction: case row, timers, journal record, incidents, outbox.</summary>
internal static class RunPersistence
{
    /// <summary>Writes a run's results into the transaction and returns the new case row.</summary>
    public static InstanceRecord Persist(
        IWorkflowStoreTransaction transaction,
        InstanceRecord? before,
        Guid id,
        CompiledDefinition definition,
        string? reference,
        FlowchartRun run,
        IReadOnlyList<Bookmark> bookmarksBefore,
        InstanceStatus? forcedStatus)
    {
        var state = run.State;
        var status = forcedStatus
            ?? (run.Ended ? InstanceStatus.Completed
            : state.Fault is not null ? InstanceStatus.Faulted
            : state.Bookmarks.Count == 0 ? InstanceStatus.Completed
            : InstanceStatus.Waiting);
        if (status == InstanceStatus.Completed && !run.Ended)
            run.Record(JournalEntryKind.CaseCompleted, null, new { outcome = (string?)null, reason = "no path is left to run" });

        var length = before?.JournalLength ?? 0;
        var head = before?.JournalHead ?? JournalChain.Genesis;
        if (run.Journal.Count > 0)
        {
            // One record for the whole run: every step, one row, one link in the chain.
            var at = JournalChain.Normalize(run.Now);
            var steps = JournalChain.WriteSteps(run.Journal.Select(e => (e.Kind, e.Activity, e.Data)));
            var hash = JournalChain.ComputeHash(id, ++length, at, run.Actor, steps, head);
            transaction.AppendJournal(new JournalRecord(id, length, at, run.Actor, steps, head, hash));
            head = hash;
        }

        var record = new InstanceRecord(
            id, definition.Source.Id, definition.Source.Version, reference, status,
            run.Ended ? run.Outcome : before?.Outcome,
            string.Join("; ", CurrentStages(definition, state)) is { Length: > 0 } stages ? stages : null,
            JsonSerializer.Serialize(state, JournalJson.Options),
            (before?.Version ?? 0) + 1, length, head, before?.CreatedAt ?? run.Now, run.Now);
        if (before is null) transaction.InsertInstance(record);
        else transaction.UpdateInstance(record, before.Version);

        // Bookmarks live in the state; only timers also get rows, for the scheduler to reconcile against.
        var beforeIds = bookmarksBefore.Where(b => b.IsTimer).Select(b => b.Id).ToHashSet();
        var afterIds = state.Bookmarks.Where(b => b.IsTimer).Select(b => b.Id).ToHashSet();
        transaction.RemoveTimers(id, beforeIds.Except(afterIds).ToList());
        transaction.AddTimers(id, state.Bookmarks.Where(b => b.IsTimer && !beforeIds.Contains(b.Id)).ToList());
        transaction.UpsertTasks(TaskProjection.Changes(run, bookmarksBefore));
        if (before is null && state.Organisations.Count > 0) transaction.AddCaseOrganisations(id, state.Organisations);
        foreach (var incident in run.NewIncidents) transaction.InsertIncident(incident);
        transaction.AddOutbox(run.Outbox);
        return record;
    }

    /// <summary>The labelled stages where the case waits; else the last labelled stage it entered.</summary>
    public static IReadOnlyList<string> CurrentStages(CompiledDefinition definition, WorkflowState state)
    {
        var waiting = state.Bookmarks.Select(b => definition.Node(b.Activity).Stage).OfType<string>().Distinct().ToList();
        return waiting.Count > 0 ? waiting : state.LastStage is { } last ? [last] : [];
    }
}
