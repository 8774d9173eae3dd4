using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Endpoints;

/// <summary>The contacts a case's notifications go to, by party role.</summary>
public static class CasePartyEndpoints
{
    public static void MapCasePartyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases/{id:guid}/parties").RequireAuthorization(Policies.Authenticated);

        group.MapGet("/", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
            await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is { } snapshot ? Results.Ok(snapshot.Parties) : Problems.NotFound($"No case {id}."));

        // Replaces the role's contacts; an empty list removes the role. Journaled.
        group.MapPut("/{role}", async (Guid id, string role, HttpRequest request, Caller caller, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<PartyBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            if (!CaseAccess.CanAct(caller, snapshot.Organisations)) return CaseEndpoints.Forbidden("Your role cannot change this case's contacts.");
            try
            {
                return CaseEndpoints.ToHttp(await runtime.SetPartyAsync(id, role, body!.Contacts ?? [], caller.Actor, ct));
            }
            catch (CaseInputException ex)
            {
                return Problems.Validation(ex.Errors);
            }
        });
    }

    private sealed record PartyBody(List<PartyContact>? Contacts);
}
