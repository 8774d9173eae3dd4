namespace RightToManage.Workflows.Validation;

/// <summary>One problem with a definition: where (a JSON path such as <c>$.activities[2].inputs.event</c>), what kind, and why.</summary>
public sealed record ValidationError(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path}: {Message} ({Code})";
}
