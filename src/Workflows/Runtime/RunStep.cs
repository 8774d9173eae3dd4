using System.Text.Json;
using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>One step of a run as it will be journaled.</summary>
public sealed record RunStep(JournalEntryKind Kind, string? Activity, JsonElement Data);
