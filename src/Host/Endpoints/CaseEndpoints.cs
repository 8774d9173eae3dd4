using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Journal;
using RightToManage.Workflows.Parties;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Tasks;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases").RequireAuthorization(Policies.Authenticated);

        group.MapPost("/", async (HttpRequest request, Caller caller, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<StartCaseBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body!.DefinitionId)) return Problems.Field("$.definitionId", "field.required", "Name the definition to start.");
            if (body.Reference is { Length: > 100 }) return Problems.Field("$.reference", "field.tooLong", "A reference has at most 100 characters.");
            if (body.Reference is { } reference && reference.Any(char.IsControl))
                return Problems.Field("$.reference", "field.invalid", "A reference is one line of text, without control characters.");
            // An all-zero id is what a client sends when it forgot to make one; as an idempotency key it would join unrelated starts.
            if (body.Id == Guid.Empty) return Problems.Field("$.id", "field.invalid", "A case id is a GUID other than all zeros (or leave it out).");
            var organisations = body.Organisations ?? [];
            var badIds = organisations.Where(o => o.Value is not null && !OrganisationEndpoints.IsWellFormedId(o.Value))
                .Select(o => new ValidationError($"$.organisations.{o.Key}", "organisation.id.invalid",
                    "An organisation id is 2 to 64 lower-case letters, digits and single hyphens, e.g. \"north-estate-tmo\"."))
                .ToList();
            if (badIds.Count > 0) return Problems.Validation(badIds);
            if (!CaseAccess.CanStart(caller, organisations))
                return Forbidden("A case is started by a TMO committee member or council officer of one of its organisations ($.organisations), or by an administrator.");
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
                    Organisations = organisations,
                    Actor = caller.Actor,
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

        // Search: the caller's organisation's cases (every case for designers and admins), newest case first.
        group.MapGet("/", async (string? status, string? stage, string? organisation, string? definitionId, int? deadlineWithinDays, int? page, int? pageSize,
            Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new List<ValidationError>();
            InstanceStatus? parsedStatus = null;
            if (status is not null)
            {
                if (Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
                else errors.Add(new("status", "field.option", $"status is one of: {string.Join(", ", Enum.GetNames<InstanceStatus>().Select(n => n.ToLowerInvariant()))}."));
            }
            if (stage is { Length: > 200 } || organisation is { Length: > 100 } || definitionId is { Length: > 100 })
                errors.Add(new("stage", "field.tooLong", "stage at most 200 characters; organisation and definitionId at most 100."));
            if (deadlineWithinDays is < 0 or > 3660) errors.Add(new("deadlineWithinDays", "field.range", "deadlineWithinDays is 0 to 3660."));
            var size = pageSize ?? 25;
            var number = page ?? 1;
            if (size is < 1 or > 100) errors.Add(new("pageSize", "field.range", "pageSize is 1 to 100."));
            if (number < 1) errors.Add(new("page", "field.range", "page starts at 1."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var everything = caller.IsAdmin || caller.Has(Roles.Designer);
            var query = new CaseQuery
            {
                VisibleTo = everything ? null : caller.OrganisationId ?? "(none)",
                Status = parsedStatus,
                Stage = string.IsNullOrWhiteSpace(stage) ? null : stage,
                Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation,
                DefinitionId = string.IsNullOrWhiteSpace(definitionId) ? null : definitionId,
                DeadlineBefore = deadlineWithinDays is { } days ? time.GetUtcNow().AddDays(days) : null,
                Offset = (number - 1) * size,
                Limit = size,
            };
            var found = await runtime.Store.Cases.QueryAsync(query, ct);
            return Results.Ok(new { items = found.Cases, page = number, pageSize = size, total = found.Total, totalIsExact = found.TotalIsExact });
        });

        group.MapGet("/{id:guid}", async (Guid id, Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            var (tasks, _) = await runtime.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = id, Status = null, Limit = 100 }, ct);
            var now = time.GetUtcNow();
            return Results.Ok(new CaseView(snapshot, tasks.Select(t => TaskEndpoints.Summary(t, now)).ToList()));
        });

        group.MapGet("/{id:guid}/journal", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
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

        // The stages in process order: when each began and ended, and the statutory last day it had.
        group.MapGet("/{id:guid}/timeline", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            var definition = await runtime.Definitions.GetAsync(snapshot.DefinitionId, snapshot.DefinitionVersion, ct);
            var journal = (await runtime.Store.ReadJournalAsync(id, ct)).Steps();
            var ended = snapshot.Status is InstanceStatus.Completed or InstanceStatus.Cancelled;
            return Results.Ok(CaseTimeline.Build(definition.Source, journal, snapshot.Stages, ended));
        });

        group.MapGet("/{id:guid}/journal/verify", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
            await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null
                ? Problems.NotFound($"No case {id}.")
                : Results.Ok(await runtime.VerifyJournalAsync(id, ct)));

        group.MapGet("/{id:guid}/incidents", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
            await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null
                ? Problems.NotFound($"No case {id}.")
                : Results.Ok(await runtime.Store.ReadIncidentsAsync(id, ct)));

        // Sends a named event with an optional JSON payload. An Idempotency-Key header makes re-sending safe.
        group.MapPost("/{id:guid}/events/{name}", async (Guid id, string name, HttpRequest request, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            if (!CaseAccess.CanAct(caller, snapshot.Organisations)) return Forbidden("Your role cannot act on this case.");
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
                Actor = caller.Actor,
            }, ct);
            return ToHttp(result);
        });

        // An extension of time on a running deadline: a later last day, why, and under what provision.
        group.MapPost("/{id:guid}/deadlines/{activity}/extend", async (Guid id, string activity, HttpRequest request, Caller caller, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            if (!CaseAccess.CanExtendDeadlines(caller, snapshot.Organisations)) return Forbidden("Only a council manager on the case (or an administrator) can extend a deadline.");
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
                    InstanceId = id, Activity = activity, NewLastDay = body.NewLastDay, Reason = body.Reason!, LegalBasis = body.LegalBasis!, Actor = caller.Actor,
                }, ct));
            }
            catch (CaseInputException ex)
            {
                return Problems.Validation(ex.Errors);
            }
        });

        // A faulted step runs again; a failed delivery is queued again (see CaseNotificationEndpoints).
        group.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", async (Guid id, Guid incidentId, Caller caller, WorkflowRuntime runtime, IServiceProvider services, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
            if (!CaseAccess.CanRepair(caller)) return Forbidden("Only an administrator can retry an incident.");
            var incident = (await runtime.Store.ReadIncidentsAsync(id, ct)).FirstOrDefault(i => i.Id == incidentId);
            if (incident?.OutboxId is { } outboxId && incident.ResolvedAt is null)
                return await CaseNotificationEndpoints.ResendAsync(id, outboxId, caller, runtime, services, ct);
            return ToHttp(await runtime.RetryAsync(id, incidentId, caller.Actor, ct));
        });

        group.MapPost("/{id:guid}/cancel", async (Guid id, HttpRequest request, Caller caller, WorkflowRuntime runtime, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<CancelCaseBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is not { } snapshot) return Problems.NotFound($"No case {id}.");
            if (!CaseAccess.CanCancel(caller, snapshot.Organisations)) return Forbidden("Only a council manager on the case (or an administrator) can cancel it.");
            if (string.IsNullOrWhiteSpace(body!.Reason)) return Problems.Field("$.reason", "field.required", "Say why the case is cancelled; the reason is journaled.");
            if (body.Reason.Length > 2000) return Problems.Field("$.reason", "field.tooLong", "A reason has at most 2000 characters.");
            return ToHttp(await runtime.CancelAsync(id, body.Reason, caller.Actor, ct));
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

    internal static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not do this.", detail: detail);

    private sealed record StartCaseBody(string DefinitionId, int? Version, string? Reference, Guid? Id, Dictionary<string, JsonElement>? Variables,
        Dictionary<string, List<PartyContact>>? Parties, Dictionary<string, string>? Organisations);

    /// <summary>A case as its parties see it: its state, its tasks, its deadlines.</summary>
    private sealed record CaseView([property: System.Text.Json.Serialization.JsonIgnore] InstanceSnapshot Snapshot, IReadOnlyList<object> Tasks)
    {
        public Guid Id => Snapshot.Id;
        public string DefinitionId => Snapshot.DefinitionId;
        public int DefinitionVersion => Snapshot.DefinitionVersion;
        public string? Reference => Snapshot.Reference;
        public InstanceStatus Status => Snapshot.Status;
        public string? Outcome => Snapshot.Outcome;
        public IReadOnlyList<string> Stages => Snapshot.Stages;
        public IReadOnlyList<string> StageLabels => Snapshot.StageLabels;
        public CaseHold? Hold => Snapshot.Hold;
        public IReadOnlyDictionary<string, string> Organisations => Snapshot.Organisations;
        public IReadOnlyDictionary<string, List<PartyContact>> Parties => Snapshot.Parties;
        public IReadOnlyDictionary<string, JsonElement> Variables => Snapshot.Variables;
        public IReadOnlyList<Bookmark> Bookmarks => Snapshot.Bookmarks;
        public IReadOnlyList<DeadlineSummary> Deadlines => Snapshot.Deadlines;
        public Guid? OpenIncident => Snapshot.OpenIncident;
        public int Version => Snapshot.Version;
        public DateTimeOffset CreatedAt => Snapshot.CreatedAt;
        public DateTimeOffset UpdatedAt => Snapshot.UpdatedAt;
    }

    private sealed record CancelCaseBody(string Reason);

    private sealed record ExtendDeadlineBody(DateOnly NewLastDay, string? Reason, string? LegalBasis);
}
