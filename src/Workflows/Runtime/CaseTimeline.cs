using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Time;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A case's stages in the order its definition lists them, with the actual dates read from its journal and the
/// planned (statutory) dates from its deadlines. Stages the case skipped stay "not-started".
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<StageTimelineEntry> Build(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal, IReadOnlyList<string> currentStages, bool ended,
        StatutoryCalendar? calendar = null)
    {
        calendar ??= StatutoryCalendar.England;
        var order = Order(definition);
        var planned = definition.Stages.ToDictionary(s => s.Name, s => s.PlannedDuration);
        var stageOf = definition.Activities.Where(a => a.Stage is not null).ToDictionary(a => a.Id, a => a.Stage!);
        var started = new Dictionary<string, DateTimeOffset>();
        var endedAt = new Dictionary<string, DateTimeOffset>();
        var due = new Dictionary<string, (DateOnly Day, string? Source)>();
        DateTimeOffset? caseStarted = null;
        string? current = null;
        foreach (var entry in journal)
        {
            switch (entry.Kind)
            {
                case JournalEntryKind.CaseStarted:
                    caseStarted ??= entry.At;
                    break;
                case JournalEntryKind.StageEntered when entry.Activity is { } activity && stageOf.TryGetValue(activity, out var stage):
                    if (current is not null && current != stage) endedAt[current] = entry.At;
                    started.TryAdd(stage, entry.At);
                    endedAt.Remove(stage);
                    current = stage;
                    break;
                case JournalEntryKind.DeadlineSet or JournalEntryKind.DeadlineExtended when entry.Activity is { } activity && stageOf.TryGetValue(activity, out var stage)
                    && ReadDay(entry.Data, "lastDay") is { } day:
                    due[stage] = (day, entry.Kind == JournalEntryKind.DeadlineSet ? ReadText(entry.Data, "source") : due.GetValueOrDefault(stage).Source);
                    break;
                case JournalEntryKind.CaseCompleted or JournalEntryKind.CaseCancelled when current is not null:
                    endedAt.TryAdd(current, entry.At);
                    break;
            }
        }

        // Planned dates run on from the case's start: each stage starts when it did, or when the one before it
        // ended or is planned to end; a stage with no deadline and no planned duration passes its start on.
        DateOnly? cursor = caseStarted is { } at ? calendar.DateOf(at) : null;
        var entries = new List<StageTimelineEntry>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            var stage = order[i];
            DateTimeOffset? s = started.TryGetValue(stage, out var startedAt) ? startedAt : null;
            DateTimeOffset? e = endedAt.TryGetValue(stage, out var endedOn) ? endedOn : null;
            (DateOnly Day, string? Source)? d = due.TryGetValue(stage, out var dueBy) ? dueBy : null;
            var plannedStart = s is { } sa ? calendar.DateOf(sa) : cursor;
            var plannedEnd = d?.Day
                ?? (plannedStart is { } ps && planned.GetValueOrDefault(stage) is { } duration ? duration.AddTo(ps, calendar.BankHolidays) : null);
            var status = s is null ? "not-started" : !ended && currentStages.Contains(stage) ? "in-progress" : "completed";
            entries.Add(new StageTimelineEntry(stage, i + 1, order.Count, status, s, e, d?.Day, d?.Source, plannedStart, plannedEnd));
            cursor = e is { } ea ? calendar.DateOf(ea) : plannedEnd ?? plannedStart;
        }
        return entries;
    }

    /// <summary>The definition's stages in order: those it declares, else those its activities name, as they appear.</summary>
    public static IReadOnlyList<string> Order(WorkflowDefinition definition) =>
        definition.Stages.Count > 0
            ? definition.Stages.Select(s => s.Name).ToList()
            : definition.Activities.Select(a => a.Stage).OfType<string>().Distinct().ToList();

    /// <summary>"Stage 4 of 8: Competence assessment" for each stage the case is in now.</summary>
    public static IReadOnlyList<string> Labels(WorkflowDefinition definition, IReadOnlyList<string> currentStages)
    {
        var order = Order(definition).ToList();
        return currentStages.Select(stage => order.IndexOf(stage) is var i and >= 0 ? StageTimelineEntry.FormatLabel(i + 1, order.Count, stage) : stage).ToList();
    }

    private static DateOnly? ReadDay(string json, string property) =>
        ReadText(json, property) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day) ? day : null;

    private static string? ReadText(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
    }
}
