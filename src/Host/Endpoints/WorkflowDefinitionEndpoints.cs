using System.Text.Json;
using RightToManage.Host.Hosting;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Endpoints;

public static class WorkflowDefinitionEndpoints
{
    public static void MapWorkflowDefinitionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions");

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
                    LatestVersion = g.Max(d => d.Version),
                    PublishedVersion = g.Where(d => d.IsPublished).Select(d => (int?)d.Version).Max(),
                    Versions = g.Select(d => d.Version).Order().ToArray(),
                    LastChange = g.Max(d => d.CreatedAt),
                }),
                FileErrors = (load.Reports ?? []).Where(r => !r.Loaded).Select(r => new { File = Path.GetFileName(r.File), r.Errors }),
            });
        });

        group.MapGet("/{id}", async (string id, int? version, IWorkflowStore store, CancellationToken ct) =>
        {
            var stored = version is null
                ? (await store.ListDefinitionsAsync(ct)).FirstOrDefault(d => d.DefinitionId == id)
                : await store.FindDefinitionAsync(id, version, ct);
            if (stored is null) return Problems.NotFound(version is null ? $"No definition '{id}'." : $"No version {version} of '{id}'.");
            return Results.Ok(new
            {
                stored.DefinitionId,
                stored.Version,
                stored.Name,
                stored.Origin,
                stored.IsPublished,
                ReadOnly = stored.Origin == DefinitionOrigin.File,
                stored.CreatedAt,
                Definition = JsonDocument.Parse(stored.Content).RootElement,
            });
        });

        // Checks a definition without storing it: 200 when valid, else 422 with errors keyed by JSON path.
        group.MapPost("/validate", async (HttpRequest request, DefinitionCatalog catalog, CancellationToken ct) =>
        {
            var (text, problem) = await RequestBody.ReadTextAsync(request, ct);
            if (problem is not null) return problem;
            var errors = catalog.Validator.Validate(text ?? "", out _);
            return errors.Count == 0 ? Results.Ok(new { Valid = true }) : Problems.Validation(errors, "The definition has errors.");
        });
    }
}
