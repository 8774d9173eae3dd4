namespace RightToManage.Workflows.Parties;

/// <summary>A person or mailbox that acts for a party to the case, e.g. the TMO's secretary.</summary>
public sealed record PartyContact(string Name, string Email);
