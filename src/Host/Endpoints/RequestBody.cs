using System.Text;
using Microsoft.Net.Http.Headers;
using System.Text.Json;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

/// <summary>
/// Reads JSON bodies by hand so malformed input is answered with a path-bearing 422 instead of the
/// framework's generic 400, and so size is bounded before parsing.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The body as text: UTF-8 (as JSON must be), at most <see cref="MaxBytes"/>, sent as <c>application/json</c>
    /// whenever there is one, and holding only text the store can keep (see <see cref="StorableText"/>).
    /// </summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return (null, TooLarge());
        if (request.ContentType is not null && !IsJson(request.ContentType)) return (null, NotJson());
        using var reader = new StreamReader(request.Body, StrictUtf8);
        var buffer = new char[MaxBytes + 1];
        int read;
        try
        {
            read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Field("$", "json.encoding", "The body is not valid UTF-8; JSON is sent as UTF-8."));
        }
        if (read > MaxBytes) return (null, TooLarge());
        var text = new string(buffer, 0, read);
        // A body with no Content-Type at all is refused too: the API promises to read JSON only when told it is JSON.
        if (request.ContentType is null && text.Length > 0) return (null, NotJson());
        if (StorableText.FindProblem(text) is { } unstorable) return (null, Problems.Validation([unstorable]));
        return (text, null);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>application/json, with any parameters; not look-alikes such as application/jsonx or text/json.</summary>
    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() =>
        Results.Problem(detail: $"The body is larger than {MaxBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    private static IResult NotJson() =>
        Results.Problem(detail: "Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        var (text, problem) = await ReadTextAsync(request, cancellationToken);
        if (problem is not null) return (null, problem);
        if (string.IsNullOrWhiteSpace(text)) return (null, Problems.Field("$", "json.empty", "A JSON body is required."));
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, options);
            return value is null ? (null, Problems.Field("$", "json.null", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation([JsonErrors.From(ex)]));
        }
    }
}
