namespace RightToManage.Workflows.Runtime;

/// <summary>An extension of time granted on a running deadline, with why and under what power.</summary>
public sealed record DeadlineExtension
{
    public required Guid InstanceId { get; init; }

    /// <summary>The waiting activity whose deadline moves.</summary>
    public required string Activity { get; init; }

    /// <summary>The new last day (inclusive).</summary>
    public required DateOnly NewLastDay { get; init; }

    public required string Reason { get; init; }

    /// <summary>The provision that allows the extension, e.g. "SI 2012/1821 reg 5".</summary>
    public required string LegalBasis { get; init; }

    public required string Actor { get; init; }
}
