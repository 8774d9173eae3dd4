using System.Text.Json.Nodes;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// A valid request the fuzzer mutates. <see cref="RouteId"/> is the id segment of <see cref="Path"/> that mutations may
/// replace; <see cref="TakesIfMatch"/> says the endpoint reads If-Match; <see cref="Query"/> names query parameters
/// the endpoint binds (mutations give them values of the wrong shape).
/// </summary>
internal sealed record SeedRequest(string Path, JsonNode? Body)
{
    public string? RouteId { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public bool TakesIfMatch { get; init; }
    public IReadOnlyList<string> Query { get; init; } = [];
}
