using RightToManage.Notifications.Transport;

namespace RightToManage.Notifications.Tests.Transport;

/// <summary>Messages shaped like the ones the notification dispatcher sends.</summary>
internal static class Envelopes
{
    public const string Subject = "Décision — £5";

    public static MailEnvelope Decision(string? messageId = null, IReadOnlyList<MailRecipient>? to = null) => new(
        From: new MailRecipient("Conseil de Test", "notices@council.example"),
        To: to ?? [new MailRecipient("Siân Jones", "Sian.Jones@tenants.example"), new MailRecipient("", "secretary@tenants.example")],
        Cc: [new MailRecipient("Housing Officer", "officer@council.example")],
        Subject: Subject,
        Text: "The council has decided.\nFee: £5 — payable within 28 days.",
        Html: "<p>The council has <strong>decided</strong>.</p><p>Fee: £5 — payable within 28 days.</p>",
        MessageId: messageId ?? $"{Guid.CreateVersion7():N}@rtm.example",
        Headers: new Dictionary<string, string> { ["X-RTM-Case"] = "case-0042" });
}
