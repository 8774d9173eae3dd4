using System.Net;
using System.Text.Json;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// The API's promise for bad input: a 4xx answered as <c>application/problem+json</c> with <c>status</c> and
/// <c>title</c>, and for 400 and 422 an <c>errors</c> object keyed by what was wrong: a JSON path (<c>$…</c>), or the
/// header or query parameter the endpoint reads.
/// </summary>
internal static class ProblemContract
{
    /// <summary>Why the response breaks the promise, or null when it keeps it.</summary>
    public static string? Breach(HttpStatusCode status, string? mediaType, string body, IReadOnlyCollection<string> fieldNames)
    {
        var code = (int)status;
        if (code is < 400 or >= 500) return $"status {code}: bad input must get a 4xx";
        if (mediaType != "application/problem+json") return $"Content-Type {mediaType ?? "(none)"}, not application/problem+json";
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        if (problem.ValueKind != JsonValueKind.Object) return "the problem is not a JSON object";
        if (!problem.TryGetProperty("status", out var given) || given.ValueKind != JsonValueKind.Number || given.GetInt32() != code)
            return $"the problem's status is not {code}";
        if (!problem.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()))
            return "the problem has no title";
        if (code is 400 or 422)
        {
            if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
                return $"a {code} must say what was wrong in errors";
            foreach (var error in errors.EnumerateObject())
            {
                if (!error.Name.StartsWith('$') && !fieldNames.Contains(error.Name))
                    return $"the error key '{FuzzRequest.Truncate(error.Name, 80)}' is neither a JSON path nor one of {string.Join(", ", fieldNames)}";
                if (error.Value.ValueKind != JsonValueKind.Array || error.Value.GetArrayLength() == 0
                    || error.Value.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(m.GetString())))
                    return $"the error '{FuzzRequest.Truncate(error.Name, 80)}' has no message";
            }
        }
        return null;
    }
}
