namespace RightToManage.Workflows.Activities;

/// <summary>
/// Marks a property as an input bound from the definition. Its data type comes from the property
/// type; a non-nullable property without a <see cref="DefaultJson"/> is required.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The default as JSON text, e.g. <c>"\"all\""</c> or <c>"7"</c>; null means none.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>How the studio edits the value; see <see cref="UIHints"/>.</summary>
    public string? UIHint { get; init; }
}
