using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// Definition versions: validated before they are stored, stored before a case can start on them,
/// never changed once stored (cases run on them), compiled once and cached.
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
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var stored = await store.AddDefinitionAsync(
            new StoredDefinition(definition.Id, definition.Version, definition.Name, content, hash, origin, publish, DateTimeOffset.UtcNow),
            cancellationToken);
        if (stored.ContentHash != hash)
            throw new DefinitionVersionConflictException(definition.Id, definition.Version);
        return stored;
    }

    /// <summary>A stored version, compiled; the highest published version when <paramref name="version"/> is null.</summary>
    public async Task<CompiledDefinition> GetAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        if (version is { } v && _compiled.TryGetValue((definitionId, v), out var cached)) return cached;
        var stored = await store.FindDefinitionAsync(definitionId, version, cancellationToken)
            ?? throw new DefinitionNotFoundException(definitionId, version);
        return _compiled.GetOrAdd((stored.DefinitionId, stored.Version), _ =>
        {
            var parsed = DefinitionJson.Parse(stored.Content);
            if (parsed.Definition is null) throw new InvalidDefinitionException($"{definitionId} v{stored.Version}", parsed.Errors);
            return CompiledDefinition.Compile(parsed.Definition, registry);
        });
    }
}
