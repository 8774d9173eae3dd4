using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// Definition versions: validated before they are stored, stored and published before a case can start on them,
/// never changed once published (cases run on them), compiled once and cached. An unpublished version (a draft)
/// may be replaced, under an expected content hash, and no case runs on it.
/// </summary>
public sealed class DefinitionCatalog(IWorkflowStore store, ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<(string, int), CompiledDefinition> _compiled = new();

    public ActivityRegistry Registry => registry;

    public DefinitionValidator Validator { get; } = new(registry);

    /// <summary>
    /// Loads every <c>*.json</c> definition under <paramref name="folder"/> (JSON Schema files excepted) as
    /// published, read-only versions. A file with errors is reported and not loaded; the others still are.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionFileReport>> LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var reports = new List<DefinitionFileReport>();
        if (!Directory.Exists(folder)) return reports;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)) continue;
            var errors = Validator.Validate(await File.ReadAllTextAsync(file, cancellationToken), out var definition);
            if (errors.Count == 0)
            {
                try
                {
                    await AddAsync(definition!, DefinitionOrigin.File, publish: true, cancellationToken);
                }
                catch (DefinitionVersionConflictException ex)
                {
                    errors = [new ValidationError("$.version", "definition.versionReused", ex.Message)];
                }
            }
            reports.Add(new DefinitionFileReport(file, definition?.Id, definition?.Version, errors));
        }
        return reports;
    }

    /// <summary>Validates and stores a version. Storing the same content again is a no-op; different content under a stored version is refused.</summary>
    public async Task<StoredDefinition> AddAsync(WorkflowDefinition definition, DefinitionOrigin origin, bool publish, CancellationToken cancellationToken = default)
    {
        var errors = Validator.Validate(definition);
        if (errors.Count > 0) throw new InvalidDefinitionException($"{definition.Id} v{definition.Version}", errors);
        var content = DefinitionJson.Serialize(definition);
        var hash = ContentHashOf(content);
        var stored = await store.AddDefinitionAsync(
            new StoredDefinition(definition.Id, definition.Version, definition.Name, content, hash, origin, publish, DateTimeOffset.UtcNow),
            cancellationToken);
        if (stored.ContentHash != hash)
            throw new DefinitionVersionConflictException(definition.Id, definition.Version);
        return stored;
    }

    /// <summary>
    /// Saves a draft (origin Database, unpublished) at the version the definition carries. A new version is stored; the same
    /// content again changes nothing; a draft with other content is replaced only when <paramref name="expectedContentHash"/>
    /// is its current hash (optimistic concurrency: two saves from the same starting point cannot both win). A published
    /// version, or any version of an id whose versions come from files, is never changed.
    /// </summary>
    /// <exception cref="InvalidDefinitionException">The definition has errors; nothing is stored.</exception>
    public async Task<DefinitionSaveResult> SaveDraftAsync(WorkflowDefinition definition, string? expectedContentHash, CancellationToken cancellationToken = default)
    {
        var errors = Validator.Validate(definition);
        if (errors.Count > 0) throw new InvalidDefinitionException($"{definition.Id} v{definition.Version}", errors);
        var content = DefinitionJson.Serialize(definition);
        var draft = new StoredDefinition(
            definition.Id, definition.Version, definition.Name, content, ContentHashOf(content), DefinitionOrigin.Database, IsPublished: false, DateTimeOffset.UtcNow);

        var versions = await store.ListDefinitionVersionsAsync(definition.Id, cancellationToken);
        var next = versions.Count == 0 ? 1 : versions.Max(d => d.Version) + 1;
        if (versions.Any(d => d.Origin == DefinitionOrigin.File))
            return new(DefinitionSaveOutcome.ReadOnly, versions.FirstOrDefault(d => d.Version == definition.Version), next);

        var existing = versions.FirstOrDefault(d => d.Version == definition.Version);
        if (existing is null)
        {
            if (expectedContentHash is not null) return new(DefinitionSaveOutcome.HashMismatch, null, next);
            existing = await store.AddDefinitionAsync(draft, cancellationToken);
            // Same hash: ours, or an identical concurrent save. Otherwise another save won the race: judge against it.
            if (existing.ContentHash == draft.ContentHash && existing.Origin == DefinitionOrigin.Database)
                return new(DefinitionSaveOutcome.Created, existing, Math.Max(next, existing.Version + 1));
            next = Math.Max(next, existing.Version + 1);
        }
        return await JudgeAgainstStoredAsync(draft, existing, expectedContentHash, next, cancellationToken);
    }

    private async Task<DefinitionSaveResult> JudgeAgainstStoredAsync(
        StoredDefinition draft, StoredDefinition existing, string? expectedContentHash, int next, CancellationToken cancellationToken)
    {
        if (existing.Origin == DefinitionOrigin.File) return new(DefinitionSaveOutcome.ReadOnly, existing, next);
        if (existing.ContentHash == draft.ContentHash) return new(DefinitionSaveOutcome.Unchanged, existing, next);
        if (existing.IsPublished) return new(DefinitionSaveOutcome.Published, existing, next);
        if (expectedContentHash is null) return new(DefinitionSaveOutcome.PreconditionRequired, existing, next);
        if (expectedContentHash != existing.ContentHash) return new(DefinitionSaveOutcome.HashMismatch, existing, next);
        if (await store.ReplaceDraftDefinitionAsync(draft, expectedContentHash, cancellationToken))
            return new(DefinitionSaveOutcome.Replaced, draft, next);

        // Someone saved or published it between our read and our update: say how it stands now.
        var now = await store.FindDefinitionAsync(draft.DefinitionId, draft.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Version {draft.Version} of '{draft.DefinitionId}' disappeared while being saved.");
        return now.ContentHash == draft.ContentHash ? new(DefinitionSaveOutcome.Unchanged, now, next)
            : now.IsPublished ? new(DefinitionSaveOutcome.Published, now, next)
            : new(DefinitionSaveOutcome.HashMismatch, now, next);
    }

    /// <summary>
    /// Publishes a draft, after validating its stored content again (activity types and templates may have changed since it
    /// was saved). With <paramref name="expectedContentHash"/>, only if the draft still has that content.
    /// Cases started without a version then run on the highest published version.
    /// </summary>
    public async Task<DefinitionPublishResult> PublishAsync(string definitionId, int version, string? expectedContentHash, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindDefinitionAsync(definitionId, version, cancellationToken);
        if (stored is null) return new(DefinitionPublishOutcome.NotFound, null, []);
        if (stored.Origin == DefinitionOrigin.File) return new(DefinitionPublishOutcome.ReadOnly, stored, []);
        if (expectedContentHash is not null && expectedContentHash != stored.ContentHash) return new(DefinitionPublishOutcome.HashMismatch, stored, []);
        if (stored.IsPublished) return new(DefinitionPublishOutcome.AlreadyPublished, stored, []);
        var errors = Validator.Validate(stored.Content, out _);
        if (errors.Count > 0) return new(DefinitionPublishOutcome.Invalid, stored, errors);

        // Guarded by the hash just validated: content that was not checked is never published.
        if (await store.PublishDefinitionAsync(definitionId, version, stored.ContentHash, cancellationToken))
            return new(DefinitionPublishOutcome.Published, stored with { IsPublished = true }, []);
        var now = (await store.FindDefinitionAsync(definitionId, version, cancellationToken))!;
        return now.IsPublished && now.ContentHash == stored.ContentHash
            ? new(DefinitionPublishOutcome.AlreadyPublished, now, [])
            : new(DefinitionPublishOutcome.HashMismatch, now, []);
    }

    /// <summary>The SHA-256 of a definition's stored (normal-form) text, in lower-case hex: its content hash.</summary>
    public static string ContentHashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>
    /// A published version, compiled; the highest published version when <paramref name="version"/> is null.
    /// A draft is refused as not found: it may still be replaced, so no case may run on it (and it is never cached).
    /// </summary>
    public async Task<CompiledDefinition> GetAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        if (version is { } v && _compiled.TryGetValue((definitionId, v), out var cached)) return cached;
        var stored = await store.FindDefinitionAsync(definitionId, version, cancellationToken);
        if (stored is not { IsPublished: true }) throw new DefinitionNotFoundException(definitionId, version);
        return _compiled.GetOrAdd((stored.DefinitionId, stored.Version), _ =>
        {
            var parsed = DefinitionJson.Parse(stored.Content);
            if (parsed.Definition is null) throw new InvalidDefinitionException($"{definitionId} v{stored.Version}", parsed.Errors);
            return CompiledDefinition.Compile(parsed.Definition, registry);
        });
    }
}
