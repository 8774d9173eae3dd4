namespace RightToManage.Notifications.Templates;

/// <summary>An email ready for the transport. <see cref="Html"/> is null for a plain-text-only message.</summary>
public sealed record RenderedMessage(string Subject, string Text, string? Html);
