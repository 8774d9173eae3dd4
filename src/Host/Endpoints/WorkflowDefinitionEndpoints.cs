using RightToManage.Host.Access;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RightToManage.Host.Hosting;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

/// <summary>
/// Definitions: read any version, save drafts, publish them. A version's <c>contentHash</c> (also its <c>ETag</c>) is what a
/// client sends back in <c>If-Match</c> to replace a draft, so that of two saves made from the same draft only one wins.
/// </summary>
public static class WorkflowDefinitionEndpoints
{
    public static void MapWorkflowDefinitionEndpoints(this IEndpointRouteBuilder api)
    {
        // Anyone signed in reads definitions (the case viewer shows their graphs); designers write them.
        var group = api.MapGroup("/workflow-definitions").RequireAuthorization(Policies.Authenticated);

        // Every stored definition with its versions, and any shipped file that failed to load.
        group.MapGet("/", async (IWorkflowStore store, DefinitionLoadState load, CancellationToken ct) =>
        {
            var stored = await store.ListDefinitionsAsync(ct);
            return Results.Ok(new
            {
                Definitions = stored.GroupBy(d => d.DefinitionId).Select(g => new
                {
                    Id = g.Key,
                    g.First().Name,
                    Origin = g.First().Origin,
                    ReadOnly = g.Any(d => d.Origin == DefinitionOrigin.File),
                    LatestVersion = g.Max(d => d.Version),
                    PublishedVersion = g.Where(d => d.IsPublished).Select(d => (int?)d.Version).Max(),
                    Versions = g.Select(d => d.Version).Order().ToArray(),
                    LastChange = g.Max(d => d.CreatedAt),
                }),
                FileErrors = (load.Reports ?? []).Where(r => !r.Loaded).Select(r => new { File = Path.GetFileName(r.File), r.Errors }),
            });
        });

        // The highest published version, or any version (draft or published) with ?version=N.
        group.MapGet("/{id}", async (string id, string? version, HttpResponse response, IWorkflowStore store, CancellationToken ct) =>
        {
            var (number, versionProblem) = ReadVersion(version);
            if (versionProblem is not null) return versionProblem;
            var stored = await store.FindDefinitionAsync(id, number, ct);
            if (stored is null)
            {
                if (number is not null) return Problems.NotFound($"No version {number} of '{id}'.");
                return (await store.ListDefinitionVersionsAsync(id, ct)).Count == 0
                    ? Problems.NotFound($"No definition '{id}'.")
                    : Problems.NotFound($"'{id}' has no published version yet; its drafts are listed at /api/workflow-definitions/{id}/versions.");
            }
            response.Headers.ETag = ETag(stored.ContentHash);
            return Results.Ok(new
            {
                Id = stored.DefinitionId,
                stored.Version,
                stored.Name,
                stored.Origin,
                Published = stored.IsPublished,
                ReadOnly = stored.Origin == DefinitionOrigin.File,
                stored.CreatedAt,
                stored.ContentHash,
                Definition = JsonDocument.Parse(stored.Content).RootElement,
            });
        });

        group.MapGet("/{id}/versions", async (string id, IWorkflowStore store, CancellationToken ct) =>
        {
            var versions = await store.ListDefinitionVersionsAsync(id, ct);
            if (versions.Count == 0) return Problems.NotFound($"No definition '{id}'.");
            return Results.Ok(versions.Select(d => new
            {
                d.Version,
                d.Name,
                Published = d.IsPublished,
                d.Origin,
                d.CreatedAt,
                d.ContentHash,
            }));
        });

        // Checks a definition without storing it: 200 when valid, else 422 with errors keyed by JSON path.
        group.MapPost("/validate", async (HttpRequest request, DefinitionCatalog catalog, CancellationToken ct) =>
        {
            var (text, problem) = await RequestBody.ReadTextAsync(request, ct);
            if (problem is not null) return problem;
            var errors = catalog.Validator.Validate(text ?? "", out _);
            return errors.Count == 0 ? Results.Ok(new { Valid = true }) : Problems.Validation(errors, "The definition has errors.");
        });

        // Saves a draft at the version the body carries. Replacing an existing draft needs If-Match: its contentHash.
        group.MapPost("/", async (HttpRequest request, HttpResponse response, DefinitionCatalog catalog, CancellationToken ct) =>
        {
            var (expected, ifMatchProblem) = ReadIfMatch(request);
            if (ifMatchProblem is not null) return ifMatchProblem;
            var (text, problem) = await RequestBody.ReadTextAsync(request, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(text)) return Problems.Field("$", "json.empty", "A JSON body is required: the definition.");
            var errors = catalog.Validator.Validate(text, out var definition);
            if (errors.Count > 0) return Problems.Validation(errors, "The definition has errors.");

            DefinitionSaveResult result;
            try
            {
                result = await catalog.SaveDraftAsync(definition!, expected, ct);
            }
            catch (InvalidDefinitionException ex)
            {
                return Problems.Validation(ex.Errors, "The definition has errors.");
            }
            var (id, version) = (definition!.Id, definition.Version);
            switch (result.Outcome)
            {
                case DefinitionSaveOutcome.Created:
                    response.Headers.ETag = ETag(result.Stored!.ContentHash);
                    return Results.Created($"/api/workflow-definitions/{id}?version={version}", Summary(result.Stored));
                case DefinitionSaveOutcome.Replaced or DefinitionSaveOutcome.Unchanged:
                    response.Headers.ETag = ETag(result.Stored!.ContentHash);
                    return Results.Ok(Summary(result.Stored));
                case DefinitionSaveOutcome.ReadOnly:
                    return Conflict(
                        $"'{id}' comes from the shipped files in workflow-definitions/ and is read-only. Save your changes as a new definition: give it a new id.",
                        "definition.readOnly");
                case DefinitionSaveOutcome.Published:
                    return Conflict(
                        $"Version {version} of '{id}' is published and cannot change; save version {result.NextVersion}.",
                        "definition.published", result.Stored?.ContentHash, result.NextVersion);
                case DefinitionSaveOutcome.PreconditionRequired:
                    return Results.Problem(
                        detail: $"Version {version} of '{id}' is already stored as a draft with other content. To replace it, send its contentHash " +
                            $"(the ETag of GET /api/workflow-definitions/{id}?version={version}) in an If-Match header.",
                        statusCode: StatusCodes.Status428PreconditionRequired,
                        title: "Precondition required",
                        extensions: new Dictionary<string, object?> { ["code"] = "definition.ifMatchRequired" });
                case DefinitionSaveOutcome.HashMismatch:
                    return Conflict(
                        result.Stored is null
                            ? $"If-Match was sent, but '{id}' has no version {version} to replace. Send no If-Match to create it."
                            : $"Version {version} of '{id}' has changed since you read it (its contentHash is now {result.Stored.ContentHash}). " +
                              "Read it again, merge your changes and save with the new hash in If-Match.",
                        "definition.changed", result.Stored?.ContentHash);
                default:
                    throw new InvalidOperationException($"Unexpected save outcome {result.Outcome}.");
            }
        }).RequireAuthorization(Policies.Designer);

        // Publishes a draft: { "version": N } or ?version=N. Once published, a version never changes.
        group.MapPost("/{id}/publish", async (string id, string? version, HttpRequest request, IOptions<JsonOptions> json, DefinitionCatalog catalog, CancellationToken ct) =>
        {
            var (requested, versionProblem) = ReadVersion(version);
            if (versionProblem is not null) return versionProblem;
            var (expected, ifMatchProblem) = ReadIfMatch(request);
            if (ifMatchProblem is not null) return ifMatchProblem;
            var (text, problem) = await RequestBody.ReadTextAsync(request, ct);
            if (problem is not null) return problem;
            if (!string.IsNullOrWhiteSpace(text))
            {
                PublishBody? body;
                try
                {
                    body = JsonSerializer.Deserialize<PublishBody>(text, json.Value.SerializerOptions);
                }
                catch (JsonException ex)
                {
                    return Problems.Validation([JsonErrors.From(ex)]);
                }
                if (body is null) return Problems.Field("$", "json.null", "A JSON object is required.");
                if (body.Version is { } fromBody && requested is { } fromQuery && fromBody != fromQuery)
                    return Problems.Field("$.version", "version.mismatch", $"The body says version {fromBody} but the query says {fromQuery}; give one.");
                requested ??= body.Version;
            }
            if (requested is not { } number) return Problems.Field("$.version", "field.required", "Name the version to publish: { \"version\": N }.");

            var result = await catalog.PublishAsync(id, number, expected, ct);
            return result.Outcome switch
            {
                DefinitionPublishOutcome.Published or DefinitionPublishOutcome.AlreadyPublished => Results.Ok(Summary(result.Stored!)),
                DefinitionPublishOutcome.NotFound => Problems.NotFound($"No version {number} of '{id}'."),
                DefinitionPublishOutcome.ReadOnly => Conflict(
                    $"'{id}' comes from the shipped files in workflow-definitions/ and is read-only; its versions are published when they are loaded.",
                    "definition.readOnly"),
                DefinitionPublishOutcome.HashMismatch => Conflict(
                    $"Version {number} of '{id}' has changed since you read it (its contentHash is now {result.Stored!.ContentHash}). Review it again before publishing.",
                    "definition.changed", result.Stored.ContentHash),
                DefinitionPublishOutcome.Invalid => Problems.Validation(result.Errors, $"Version {number} of '{id}' no longer passes validation; save a corrected draft."),
                _ => throw new InvalidOperationException($"Unexpected publish outcome {result.Outcome}."),
            };
        }).RequireAuthorization(Policies.Designer);
    }

    private sealed record PublishBody(int? Version);

    private static object Summary(StoredDefinition d) => new
    {
        Id = d.DefinitionId,
        d.Version,
        d.Name,
        Published = d.IsPublished,
        d.Origin,
        d.CreatedAt,
        d.ContentHash,
    };

    private static string ETag(string contentHash) => $"\"{contentHash}\"";

    /// <summary>The expected content hash from If-Match: one hash, quoted (as the ETag) or not. Lists, <c>*</c> and weak tags are refused.</summary>
    private static (string? Hash, IResult? Problem) ReadIfMatch(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0) return (null, null);
        var raw = string.Join(",", request.Headers.IfMatch.ToArray()).Trim();
        var hash = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        if (hash.Length == 0 || !hash.All(char.IsAsciiHexDigit))
        {
            return (null, Problems.Validation(
                [new ValidationError("If-Match", "header.ifMatch",
                    "If-Match takes one contentHash, as given by GET /api/workflow-definitions/{id}?version=N (its ETag); lists, '*' and weak tags are not accepted.")],
                "Bad If-Match header", StatusCodes.Status400BadRequest));
        }
        return (hash.ToLowerInvariant(), null);
    }

    /// <summary>
    /// The <c>version</c> query parameter, read here rather than bound as a number so that <c>?version=two</c> gets a
    /// problem naming the parameter instead of the framework's bare 400.
    /// </summary>
    private static (int? Version, IResult? Problem) ReadVersion(string? text)
    {
        if (text is null) return (null, null);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
            ? (version, null)
            : (null, Problems.Field("version", "field.integer", "version is a whole number from 1."));
    }

    private static IResult Conflict(string detail, string code, string? currentContentHash = null, int? nextVersion = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (currentContentHash is not null) extensions["currentContentHash"] = currentContentHash;
        if (nextVersion is not null) extensions["nextVersion"] = nextVersion;
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions);
    }
}
