using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Host.Endpoints;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Identity;

/// <summary><c>/api/organisations</c>: administrators list and add organisations.</summary>
public static partial class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organisations").RequireAuthorization(Policies.Admin);

        group.MapGet("/", async (RtmIdentityDbContext db, CancellationToken ct) =>
            Results.Ok((await db.Organisations.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Id, StringComparer.Ordinal).Select(ToBody)));

        group.MapGet("/{id}", async (string id, RtmIdentityDbContext db, CancellationToken ct) =>
            await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } organisation
                ? Results.Ok(ToBody(organisation))
                : Problems.NotFound($"No organisation {id}."));

        group.MapPost("/", async (HttpRequest request, RtmIdentityDbContext db, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<OrganisationRequest>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            var errors = new List<ValidationError>();
            if (string.IsNullOrWhiteSpace(body!.Id)) errors.Add(new("$.id", "field.required", "Give the organisation an id: a slug such as \"north-estate-tmo\"."));
            else if (!Slug().IsMatch(body.Id)) errors.Add(new("$.id", "organisation.id.invalid", "An id is 2 to 64 lower-case letters, digits and single hyphens, e.g. \"north-estate-tmo\"."));
            if (string.IsNullOrWhiteSpace(body.Name)) errors.Add(new("$.name", "field.required", "Give the organisation's name."));
            else if (body.Name.Length > 200) errors.Add(new("$.name", "field.tooLong", "A name has at most 200 characters."));
            if (string.IsNullOrWhiteSpace(body.Kind)) errors.Add(new("$.kind", "field.required", $"Give the kind: one of {string.Join(", ", OrganisationKinds.All)}."));
            else if (!OrganisationKinds.IsKnown(body.Kind)) errors.Add(new("$.kind", "organisation.kind.unknown", $"The kind is one of {string.Join(", ", OrganisationKinds.All)}."));
            if (errors.Count > 0) return Problems.Validation(errors);

            if (await db.Organisations.AnyAsync(o => o.Id == body.Id, ct)) return Problems.Conflict($"There is already an organisation {body.Id}.");
            var organisation = new Organisation { Id = body.Id!, Name = body.Name!.Trim(), Kind = body.Kind! };
            db.Organisations.Add(organisation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Problems.Conflict($"There is already an organisation {body.Id}.");
            }
            return Results.Created($"/api/organisations/{organisation.Id}", ToBody(organisation));
        });
    }

    internal static OrganisationBody ToBody(Organisation organisation) => new(organisation.Id, organisation.Name, organisation.Kind);

    /// <summary>Whether <paramref name="id"/> has the shape every organisation's id has, so that it could name one.</summary>
    internal static bool IsWellFormedId(string id) => Slug().IsMatch(id);

    [GeneratedRegex("^(?=.{2,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    private sealed record OrganisationRequest(string? Id, string? Name, string? Kind);
}
