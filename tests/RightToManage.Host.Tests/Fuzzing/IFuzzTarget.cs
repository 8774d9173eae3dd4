namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>An endpoint under fuzz, standing on some state of its own (a case with an open task, a draft to publish).</summary>
internal interface IFuzzTarget
{
    string Name { get; }

    /// <summary>Signed in as someone allowed to make the valid request, so that refusals are about the input.</summary>
    HttpClient Client { get; }

    /// <summary>What the endpoint's errors may be keyed by besides JSON paths: the headers and query parameters it reads.</summary>
    IReadOnlyCollection<string> FieldNames { get; }

    /// <summary>A valid request, drawing any ids or references it needs from <paramref name="random"/>.</summary>
    SeedRequest Seed(Random random);

    /// <summary>
    /// A mutation was accepted (it happened to be valid): checks it was stored whole and consistently, and returns
    /// the store keys (see <see cref="StoreFingerprint"/>) it may have changed.
    /// </summary>
    Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response);

    /// <summary>After refusals: why the state this target stands on is no longer as it was, or null when it is.</summary>
    Task<string?> UnchangedAsync();

    /// <summary>After an accepted request: stand on fresh state (an open task again, a new draft).</summary>
    Task RenewAsync();
}
