namespace RightToManage.Notifications.Dispatch;

/// <summary>What was (or would have been) sent for an outbox row: kept on the row as its delivery log entry.</summary>
public sealed record DeliveryRecord(
    string MessageId,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Template,
    string Channel);
