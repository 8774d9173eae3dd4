using System.Text.Json;

namespace RightToManage.Workflows.Tasks;

/// <summary>The stimulus that completes a task: checked against its form before it reaches the case.</summary>
public sealed record TaskCompletion(string Outcome, JsonElement? Data, string By);
