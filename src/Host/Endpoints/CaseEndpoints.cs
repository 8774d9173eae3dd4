using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

public static class CaseEndpoints
{
    /// <summary>Until sign-in arrives every request acts as this actor; the journal records it.</summary>
    internal const string Actor = "anonymous";

    public static void MapCaseEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases");

        group.MapPost("/", async (HttpRequest request, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<StartCaseBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body!.DefinitionId)) return Problems.Field("$.definitionId", "field.required", "Name the definition to start.");
            if (body.Reference is { Length: > 100 }) return Problems.Field("$.reference", "field.tooLong", "A reference has at most 100 characters.");
            try
            {
                var result = await runtime.StartAsync(new StartCaseRequest
                {
                    DefinitionId = body.DefinitionId,
                    Version = body.Version,
                    Reference = body.Reference,
                    InstanceId = body.Id,
                    Variables = body.Variables ?? [],
                    Parties = body.Parties?.ToDictionary(p => p.Key, p => (IReadOnlyList<PartyContact>)p.Value) ?? [],
                    Actor = Actor,
                }, ct);
                var location = $"/api/cases/{result.InstanceId}";
                return result.Outcome == StimulusOutcome.Duplicate
                    ? Results.Ok(ToBody(result))
                    : Results.Created(location, ToBody(result));
            }
            catch (DefinitionNotFoundException ex)
            {
                return Problems.Field(body.Version is null ? "$.definitionId" : "$.version", "definition.unknown", ex.Message);
            }
            catch (CaseInputException ex)
            {
                return Problems.Validation(ex.Errors);
            }
            catch (DuplicateReferenceException ex)
            {
                return Problems.Conflict(ex.Message);
            }
        });

        group.MapGet("/{id:guid}", async (Guid id, WorkflowRuntime runtime, CancellationToken ct) =>
            await runtime.GetAsync(id, ct) is { } snapshot ? Results.Ok(snapshot) : Problems.NotFound($"No case {id}."));

        group.MapGet("/{id:guid}/journal", async (Guid id, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await runtime.Store.FindInstanceAsync(id, ct) is null) return Problems.NotFound($"No case {id}.");
            var records = await runtime.Store.ReadJournalAsync(id, ct);
            return Results.Ok(records.Select(r => new
            {
                r.Sequence,
                r.At,
                r.Actor,
                Steps = r.Entries.Select(e => new { e.Kind, e.Activity, Data = JsonDocument.Parse(e.Data).RootElement }),
                r.PreviousHash,
                r.Hash,
            }));
        });

        group.MapGet("/{id:guid}/journal/verify", async (Guid id, WorkflowRuntime runtime, CancellationToken ct) =>
            await runtime.Store.FindInstanceAsync(id, ct) is null
                ? Problems.NotFound($"No case {id}.")
                : Results.Ok(await runtime.VerifyJournalAsync(id, ct)));

        group.MapGet("/{id:guid}/incidents", async (Guid id, WorkflowRuntime runtime, CancellationToken ct) =>
            await runtime.Store.FindInstanceAsync(id, ct) is null
                ? Problems.NotFound($"No case {id}.")
                : Results.Ok(await runtime.Store.ReadIncidentsAsync(id, ct)));

        // Sends a named event with an optional JSON payload. An Idempotency-Key header makes re-sending safe.
        group.MapPost("/{id:guid}/events/{name}", async (Guid id, string name, HttpRequest request, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (name.Length > 100) return Problems.Field("name", "field.tooLong", "An event name has at most 100 characters.");
            var key = request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 200) return Problems.Field("Idempotency-Key", "field.tooLong", "An idempotency key has at most 200 characters.");
            var (text, problem) = await RequestBody.ReadTextAsync(request, ct);
            if (problem is not null) return problem;
            JsonElement? payload = null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    payload = JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    return Problems.Validation([JsonErrors.From(ex)]);
                }
            }
            var result = await runtime.SendAsync(new Stimulus
            {
                InstanceId = id,
                EventName = name,
                Payload = payload,
                IdempotencyKey = key.Length > 0 ? key : Guid.NewGuid().ToString("N"),
                Actor = Actor,
            }, ct);
            return ToHttp(result);
        });

        // An extension of time on a running deadline: a later last day, why, and under what provision.
        group.MapPost("/{id:guid}/deadlines/{activity}/extend", async (Guid id, string activity, HttpRequest request, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ExtendDeadlineBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            var errors = new List<ValidationError>();
            if (string.IsNullOrWhiteSpace(body!.Reason)) errors.Add(new("$.reason", "field.required", "Say why the deadline is extended; it is journaled."));
            if (string.IsNullOrWhiteSpace(body.LegalBasis)) errors.Add(new("$.legalBasis", "field.required", "Cite the provision that allows the extension."));
            if (body.Reason?.Length > 2000 || body.LegalBasis?.Length > 500) errors.Add(new("$", "field.tooLong", "Reason at most 2000 characters, legal basis at most 500."));
            if (errors.Count > 0) return Problems.Validation(errors);
            try
            {
                return ToHttp(await runtime.ExtendDeadlineAsync(new DeadlineExtension
                {
                    InstanceId = id, Activity = activity, NewLastDay = body.NewLastDay, Reason = body.Reason!, LegalBasis = body.LegalBasis!, Actor = Actor,
                }, ct));
            }
            catch (CaseInputException ex)
            {
                return Problems.Validation(ex.Errors);
            }
        });

        // A faulted step runs again; a failed delivery is queued again (see CaseNotificationEndpoints).
        group.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", async (Guid id, Guid incidentId, WorkflowRuntime runtime, IServiceProvider services, CancellationToken ct) =>
        {
            var incident = (await runtime.Store.ReadIncidentsAsync(id, ct)).FirstOrDefault(i => i.Id == incidentId);
            if (incident?.OutboxId is { } outboxId && incident.ResolvedAt is null)
                return await CaseNotificationEndpoints.ResendAsync(id, outboxId, runtime, services, ct);
            return ToHttp(await runtime.RetryAsync(id, incidentId, Actor, ct));
        });

        group.MapPost("/{id:guid}/cancel", async (Guid id, HttpRequest request, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<CancelCaseBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body!.Reason)) return Problems.Field("$.reason", "field.required", "Say why the case is cancelled; the reason is journaled.");
            if (body.Reason.Length > 2000) return Problems.Field("$.reason", "field.tooLong", "A reason has at most 2000 characters.");
            return ToHttp(await runtime.CancelAsync(id, body.Reason, Actor, ct));
        });
    }

    internal static IResult ToHttp(StimulusResult result) => result.Outcome switch
    {
        StimulusOutcome.Applied or StimulusOutcome.Duplicate => Results.Ok(ToBody(result)),
        StimulusOutcome.Queued => Results.Accepted($"/api/cases/{result.InstanceId}", ToBody(result)),
        StimulusOutcome.NotFound => Problems.NotFound(result.Message ?? "No such case."),
        _ => Problems.Conflict(result.Message ?? "The case cannot take this now."),
    };

    private static object ToBody(StimulusResult result) => new { id = result.InstanceId, result.Outcome, result.Status, result.Message };

    private sealed record StartCaseBody(string DefinitionId, int? Version, string? Reference, Guid? Id, Dictionary<string, JsonElement>? Variables,
        Dictionary<string, List<PartyContact>>? Parties);

    private sealed record CancelCaseBody(string Reason);

    private sealed record ExtendDeadlineBody(DateOnly NewLastDay, string? Reason, string? LegalBasis);
}
