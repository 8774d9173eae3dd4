namespace RightToManage.Workflows.Activities;

/// <summary>Names an activity type and tells the studio how to show it in the palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName) : Attribute
{
    /// <summary>The <c>type</c> written in definitions.</summary>
    public string TypeName { get; } = typeName;

    public string Category { get; init; } = "General";

    public string? DisplayName { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The name of a text-list input whose values are extra outcome ports.</summary>
    public string? DynamicPortsInput { get; init; }

    /// <summary>Where a flowchart begins; takes no inbound connections.</summary>
    public bool IsStart { get; init; }

    /// <summary>Waits for something (a bookmark), so a definition may attach a deadline to it.</summary>
    public bool CanWait { get; init; }

    /// <summary>Ends the case; has no outbound ports.</summary>
    public bool IsTerminal { get; init; }
}
