namespace RightToManage.Notifications.Dispatch;

/// <summary>The case has no contact for a role the message is addressed to.</summary>
public sealed class RecipientMissingException(Guid instanceId, IReadOnlyList<string> roles)
    : UndeliverableException($"The case has no contact for the party role{(roles.Count == 1 ? "" : "s")} {string.Join(", ", roles.Select(r => $"'{r}'"))}. " +
        $"Add {(roles.Count == 1 ? "one" : "them")} (PUT /api/cases/{instanceId}/parties/{roles[0]}), then retry the incident to send the message.")
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
