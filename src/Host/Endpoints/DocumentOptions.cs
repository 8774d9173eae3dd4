namespace RightToManage.Host.Endpoints;

/// <summary>Limits on documents attached to cases: the <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>20 MiB.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>PDF, PNG, JPEG, plain text, Word (.docx and .doc) and OpenDocument text.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes =
    [
        "application/pdf",
        "image/png",
        "image/jpeg",
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/msword",
        "application/vnd.oasis.opendocument.text",
    ];

    /// <summary>The largest file accepted, in bytes (<c>Documents:MaxBytes</c>).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// The media types accepted, compared without case (<c>Documents:AllowedContentTypes</c>: a list, or one
    /// comma-separated string).
    /// </summary>
    public IReadOnlySet<string> AllowedContentTypes { get; init; } = DefaultContentTypes.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the section; an invalid value stops the server at start rather than at the first upload.</summary>
    public static DocumentOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var maxBytes = section.GetValue<long?>(nameof(MaxBytes)) ?? DefaultMaxBytes;
        if (maxBytes <= 0 || maxBytes > Array.MaxLength)
            throw new InvalidOperationException($"{Section}:{nameof(MaxBytes)} must be between 1 and {Array.MaxLength} bytes; it is {maxBytes}.");

        var types = section.GetSection(nameof(AllowedContentTypes));
        var listed = (types.Value is { } single ? single.Split(',') : types.GetChildren().Select(c => c.Value ?? ""))
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .ToList();
        foreach (var type in listed)
        {
            if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(type, out var parsed) || parsed.MatchesAllTypes || parsed.MatchesAllSubTypes || parsed.Parameters.Count > 0)
                throw new InvalidOperationException($"{Section}:{nameof(AllowedContentTypes)} has '{type}', which is not a media type such as application/pdf.");
        }
        return new DocumentOptions
        {
            MaxBytes = maxBytes,
            AllowedContentTypes = (listed.Count > 0 ? listed : DefaultContentTypes).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }
}
