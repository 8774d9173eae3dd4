using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// A case's stages in the order its definition lists them, with the actual dates read from its journal and the
/// planned (statutory) dates from its deadlines. Stages the case skipped stay "not-started".
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<StageTimelineEntry> Build(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal, IReadOnlyList<string> currentStages, bool ended)
    {
        var order = definition.Activities.Select(a => a.Stage).OfType<string>().Distinct().ToList();
        var stageOf = definition.Activities.Where(a => a.Stage is not null).ToDictionary(a => a.Id, a => a.Stage!);
        var started = new Dictionary<string, DateTimeOffset>();
        var endedAt = new Dictionary<string, DateTimeOffset>();
        var due = new Dictionary<string, (DateOnly Day, string? Source)>();
        string? current = null;
        foreach (var entry in journal)
        {
            switch (entry.Kind)
            {
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
        return order.Select(stage => new StageTimelineEntry(
            stage,
            !started.ContainsKey(stage) ? "not-started"
                : !ended && currentStages.Contains(stage) ? "in-progress"
                : "completed",
            started.TryGetValue(stage, out var s) ? s : null,
            endedAt.TryGetValue(stage, out var e) ? e : null,
            due.TryGetValue(stage, out var d) ? d.Day : null,
            due.TryGetValue(stage, out var ds) ? ds.Source : null)).ToList();
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
