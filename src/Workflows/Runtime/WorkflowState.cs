using System.Text.Json;

namespace RightToManage.Workflows.Runtime;

/// <summary>The interpreter's state of one case, stored as JSON on the instance row.</summary>
public sealed class WorkflowState
{
    public Dictionary<string, JsonElement> Variables { get; init; } = [];

    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Tokens not yet run; only non-empty while the case is faulted.</summary>
    public List<Token> Queue { get; init; } = [];

    public Dictionary<string, JsonElement> NodeStates { get; init; } = [];

    /// <summary>Activity id → the port(s) it last completed through.</summary>
    public Dictionary<string, string> Outcomes { get; init; } = [];

    /// <summary>The label of the most recently entered activity that had one.</summary>
    public string? LastStage { get; set; }

    public FaultedStep? Fault { get; set; }

    /// <summary>Set while the case is paused (see <see cref="CaseHold"/>).</summary>
    public CaseHold? Hold { get; set; }

    /// <summary>True when <paramref name="bookmark"/> is frozen by the case's hold.</summary>
    public bool IsFrozen(Bookmark bookmark) => Hold?.Freezes(bookmark) == true;

    /// <summary>Contacts by party role (see <see cref="Parties.PartyRoles"/>): who notifications go to.</summary>
    public Dictionary<string, List<Parties.PartyContact>> Parties { get; init; } = [];

    /// <summary>The organisations the case is between, by role (see <see cref="Parties.OrganisationRoles"/>) → organisation id.</summary>
    public Dictionary<string, string> Organisations { get; init; } = [];
}
