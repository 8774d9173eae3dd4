namespace RightToManage.Workflows.Tasks;

/// <summary>One question on a task's form, e.g. the date the proposal notice was received.</summary>
public sealed record TaskFormField
{
    /// <summary>The key of the answer in the submitted data.</summary>
    public string Name { get; init; } = "";

    public string Label { get; init; } = "";

    public TaskFieldType Type { get; init; }

    public bool Required { get; init; }

    /// <summary>Shown under the label (GOV.UK hint text).</summary>
    public string? Hint { get; init; }

    /// <summary>For <see cref="TaskFieldType.Choice"/>: the allowed values.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>For text: the longest answer accepted (default 2,000 characters).</summary>
    public int? MaxLength { get; init; }

    /// <summary>For numbers: the smallest and largest values accepted.</summary>
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>For text: only when this outcome is chosen is an answer required (e.g. reasons for a refusal).</summary>
    public string? RequiredFor { get; init; }
}
