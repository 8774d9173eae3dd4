using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// A named, configurable setting of a definition (a statutory period or a threshold), always
/// with the legal source it comes from and how confident the research is in it.
/// </summary>
public sealed record ParameterDefinition
{
    public string Name { get; init; } = "";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public required DataType Type { get; init; }

    /// <summary>The value; for a period, the count of <see cref="Unit"/>s.</summary>
    public JsonElement Value { get; init; }

    /// <summary>For periods only.</summary>
    public PeriodUnit? Unit { get; init; }

    /// <summary>For numbers only: what the value counts, e.g. "houses let on secure tenancies" or "percent".</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Measure { get; init; }

    /// <summary>The regulation or section, e.g. "SI 2012/1821 reg 11(1)".</summary>
    public string Source { get; init; } = "";

    /// <summary>Required: a missing confidence must never read as "high".</summary>
    public required Confidence Confidence { get; init; }
}
