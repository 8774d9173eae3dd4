using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// One stage of a process, in the order the definition lists them, so a case reads "Stage 4 of 8:
/// Competence assessment". Activities name their stage in <see cref="ActivityNode.Stage"/>.
/// </summary>
public sealed record StageDefinition
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>
    /// How long the stage usually takes, for planning only: a case's planned dates use a stage's statutory
    /// deadline where it has one, and this otherwise. Absent: no planned end unless a deadline gives one.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatutoryPeriod? PlannedDuration { get; init; }
}
