using System.Text.Json;
using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>One step of a run as it will be journaled.</summary>
/// <param name="DataJson">The step's data as journaled; <see cref="Data"/> parses it, so observers pay only for the steps they read.</param>
public sealed record RunStep(JournalEntryKind Kind, string? Activity, string DataJson)
{
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(DataJson);
            return document.RootElement.Clone();
        }
    }
}
