namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// How much to fuzz. In CI each endpoint gets <see cref="DefaultRequests"/> requests from a fixed seed, so a failure
/// reproduces; <c>RTM_FUZZ_API=&lt;requests per endpoint&gt;</c> makes a long run, from a new seed each time unless
/// <c>RTM_FUZZ_SEED</c> names one (the seed is printed either way).
/// </summary>
internal sealed record FuzzSettings(int RequestsPerEndpoint, int Seed)
{
    public const int DefaultRequests = 1000;
    public const int DefaultSeed = 20261120;

    public static FuzzSettings FromEnvironment()
    {
        var requests = Environment.GetEnvironmentVariable("RTM_FUZZ_API");
        var seed = Environment.GetEnvironmentVariable("RTM_FUZZ_SEED");
        var count = string.IsNullOrWhiteSpace(requests) ? DefaultRequests
            : int.TryParse(requests, out var n) && n > 0 ? n
            : throw new InvalidOperationException($"RTM_FUZZ_API is the number of requests per endpoint, not '{requests}'.");
        var start = !string.IsNullOrWhiteSpace(seed)
            ? int.TryParse(seed, out var s) ? s : throw new InvalidOperationException($"RTM_FUZZ_SEED is a whole number, not '{seed}'.")
            : string.IsNullOrWhiteSpace(requests) ? DefaultSeed : Random.Shared.Next();
        return new FuzzSettings(count, start);
    }

    /// <summary>The seed of one request: what its mutations are drawn from.</summary>
    public int RequestSeed(string endpoint, int index) => HashCode.Combine(Seed, StableHash(endpoint), index);

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
