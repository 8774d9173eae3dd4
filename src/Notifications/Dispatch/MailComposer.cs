using System.Text.Json;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Templates;
using RightToManage.Notifications.Transport;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Notifications.Dispatch;

/// <summary>Turns an email outbox row and its case's current contacts into the message to send.</summary>
public sealed class MailComposer(TemplateCatalog templates, NotificationsOptions options, TimeZoneInfo zone)
{
    private readonly MailRecipient _from = new(options.FromName, options.FromAddress);
    private readonly string _domain = options.MessageIdDomain is { Length: > 0 } domain ? domain
        : options.FromAddress.Split('@') is [_, var host] && host.Length > 0 ? host : "rtm.invalid";

    /// <summary>Stable across attempts and resends, so a recipient's mail client can recognise a duplicate.</summary>
    public string MessageIdFor(Guid outboxId) => $"{outboxId:N}@{_domain}";

    /// <exception cref="RecipientMissingException">A role has no contact on the case.</exception>
    /// <exception cref="UndeliverableException">The template is gone.</exception>
    /// <exception cref="TemplateRenderException">A field has no usable value.</exception>
    public MailEnvelope Compose(OutboxMessage message, EmailPayload payload, IReadOnlyDictionary<string, List<PartyContact>> parties)
    {
        var missing = payload.To.Concat(payload.Cc).Distinct().Where(role => !parties.TryGetValue(role, out var c) || c.Count == 0).ToList();
        if (missing.Count > 0) throw new RecipientMissingException(message.InstanceId, missing);
        if (!templates.TryGet(payload.Template, out var template))
            throw new UndeliverableException($"There is no template named '{payload.Template}' any more (was it renamed or removed?).");

        var to = Contacts(payload.To, parties);
        foreach (var address in payload.Addresses.Where(a => !to.Any(t => string.Equals(t.Email, a, StringComparison.OrdinalIgnoreCase))))
            to.Add(new MailRecipient(address, address));
        var cc = Contacts(payload.Cc, parties).Where(c => !to.Any(t => Same(t, c))).ToList();
        var fields = new Dictionary<string, JsonElement>(payload.Fields)
        {
            ["recipientName"] = JsonSerializer.SerializeToElement(to.Count == 1 || payload.To.Count == 0 ? to[0].Name : PartyRoles.DisplayName(payload.To[0])),
            ["caseUrl"] = JsonSerializer.SerializeToElement($"{options.BaseUrl.TrimEnd('/')}/cases/{message.InstanceId}"),
        };
        var rendered = TemplateRenderer.Render(template, fields, zone);
        return new MailEnvelope(_from, to, cc, rendered.Subject, rendered.Text, rendered.Html, MessageIdFor(message.Id),
            new Dictionary<string, string> { ["X-RTM-Case"] = message.InstanceId.ToString(), ["X-RTM-Template"] = payload.Template });
    }

    private static List<MailRecipient> Contacts(IEnumerable<string> roles, IReadOnlyDictionary<string, List<PartyContact>> parties)
    {
        var list = new List<MailRecipient>();
        foreach (var contact in roles.SelectMany(role => parties[role]))
        {
            var recipient = new MailRecipient(contact.Name, contact.Email);
            if (!list.Any(r => Same(r, recipient))) list.Add(recipient);
        }
        return list;
    }

    private static bool Same(MailRecipient a, MailRecipient b) => string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase);
}
