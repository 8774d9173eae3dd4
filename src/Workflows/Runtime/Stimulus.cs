using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// Something that happened to a case: an event by name, or the resumption of a bookmark by id.
/// The idempotency key makes re-delivery harmless: a key already seen on the case is not applied again.
/// </summary>
public sealed record Stimulus
{
    public required Guid InstanceId { get; init; }

    /// <summary>Resumes every bookmark with this name; kept until one exists if none does yet.</summary>
    public string? EventName { get; init; }

    /// <summary>Resumes exactly this bookmark.</summary>
    public string? BookmarkId { get; init; }

    public JsonElement? Payload { get; init; }

    public required string IdempotencyKey { get; init; }

    public string Actor { get; init; } = "system";
}
