namespace RightToManage.Notifications.Transport;

/// <summary>A person a message is from or to: a display name (may be empty) and an email address.</summary>
public sealed record MailRecipient(string Name, string Email);
