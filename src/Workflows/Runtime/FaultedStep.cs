using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>The step an incident interrupted, re-run as it was when the incident is retried.</summary>
public sealed record FaultedStep(Guid IncidentId, Token? Token, Bookmark? Bookmark, JsonElement? Payload);
