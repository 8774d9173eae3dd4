using System.Text;
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

    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
            return (null, Results.Problem(detail: $"The body is larger than {MaxBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge));
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Results.Problem(detail: "Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxBytes)
            return (null, Results.Problem(detail: $"The body is larger than {MaxBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge));
        return (new string(buffer, 0, read), null);
    }

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
