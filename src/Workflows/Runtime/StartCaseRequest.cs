using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>Starts a case on a definition.</summary>
public sealed record StartCaseRequest
{
    public required string DefinitionId { get; init; }

    /// <summary>A version to start on; by default the highest published one.</summary>
    public int? Version { get; init; }

    /// <summary>The case reference, unique across cases, e.g. "RTM-2026-0042".</summary>
    public string? Reference { get; init; }

    /// <summary>
    /// Chosen by the caller to make the start idempotent: starting again with the same id returns
    /// the existing case instead of a second one.
    /// </summary>
    public Guid? InstanceId { get; init; }

    /// <summary>Initial values of declared variables.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Contacts by party role, e.g. <c>tmo-secretary</c> → the secretary's name and address.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Parties.PartyContact>> Parties { get; init; } = new Dictionary<string, IReadOnlyList<Parties.PartyContact>>();

    /// <summary>The organisations the case is between, e.g. <c>tmo</c> → "demo-tmo", <c>local-authority</c> → "demo-council".</summary>
    public IReadOnlyDictionary<string, string> Organisations { get; init; } = new Dictionary<string, string>();

    public string Actor { get; init; } = "system";
}
