namespace RightToManage.Workflows.Persistence;

/// <summary>
/// A stimulus as received. Its idempotency key is unique per case, so a re-delivery is recognised.
/// A stimulus that found no bookmark is kept with <see cref="StimulusStatus.Pending"/> and applied when one appears.
/// </summary>
public sealed record StimulusRecord(
    Guid InstanceId,
    string IdempotencyKey,
    string? EventName,
    string? BookmarkId,
    string? Payload,
    string Actor,
    StimulusStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AppliedAt);
