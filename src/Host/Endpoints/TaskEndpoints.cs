using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightToManage.Host.Access;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Host.Endpoints;

/// <summary>The task inbox and the actions on a task: claim, unclaim, reassign, complete.</summary>
public static class TaskEndpoints
{
    private const int MaxPageSize = 100;

    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").RequireAuthorization(Policies.Authenticated);

        // view: mine (claimed by me), team (my organisation's, for my roles), overdue (team's past their deadline), all (admins).
        // Counting stops here (as for case searches): totalIsExact says whether the total is exact or "at least".
        const int CountUpTo = 10_000;
        group.MapGet("/", async (string? view, int? page, int? pageSize, Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            var size = pageSize ?? 25;
            var number = page ?? 1;
            var errors = new List<Workflows.Validation.ValidationError>();
            if (size is < 1 or > MaxPageSize) errors.Add(new("pageSize", "field.range", $"pageSize is 1 to {MaxPageSize}."));
            if (number < 1) errors.Add(new("page", "field.range", "page starts at 1."));
            var query = (view ?? "team") switch
            {
                "mine" => new TaskQuery { Assignee = caller.Name },
                "team" => Team(caller),
                "overdue" => Team(caller) with { OverdueAt = time.GetUtcNow() },
                "all" when caller.IsAdmin => new TaskQuery(),
                "all" => null,
                _ => Invalid(errors),
            };
            if (errors.Count > 0) return Problems.Validation(errors);
            if (query is null) return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only administrators see every organisation's tasks.");
            var (tasks, total) = await runtime.Store.Tasks.QueryAsync(query with { Offset = (number - 1) * size, Limit = size, CountUpTo = CountUpTo }, ct);
            var now = time.GetUtcNow();
            var totalIsExact = total <= CountUpTo;
            return Results.Ok(new { items = tasks.Select(t => Summary(t, now)), page = number, pageSize = size, total = Math.Min(total, CountUpTo), totalIsExact });
        });

        group.MapGet("/{id}", async (string id, Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindVisibleAsync(id, caller, runtime, ct) is not { } task) return Problems.NotFound($"No task {id}.");
            var open = task.Status == HumanTaskStatus.Open ? await runtime.GetTaskAsync(task.InstanceId, id, ct) : null;
            return Results.Ok(new
            {
                task = Summary(task, time.GetUtcNow()),
                open?.Instructions,
                open?.Source,
                open?.Outcomes,
                open?.Form,
                canClaim = task.Status == HumanTaskStatus.Open && task.Assignee is null && TaskAccess.IsEligible(caller, task),
                canComplete = task.Status == HumanTaskStatus.Open && TaskAccess.CanComplete(caller, task),
                canReassign = task.Status == HumanTaskStatus.Open && TaskAccess.CanManage(caller, task),
            });
        });

        group.MapPost("/{id}/claim", async (string id, Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindVisibleAsync(id, caller, runtime, ct) is not { } task) return Problems.NotFound($"No task {id}.");
            if (!TaskAccess.IsEligible(caller, task)) return Forbidden("Only people of the organisation holding the task, with its role, can claim it.");
            return await AfterAsync(await runtime.ClaimTaskAsync(task.InstanceId, id, caller.Name, caller.Actor, ct), id, runtime, time, ct);
        });

        group.MapPost("/{id}/unclaim", async (string id, Caller caller, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindVisibleAsync(id, caller, runtime, ct) is not { } task) return Problems.NotFound($"No task {id}.");
            if (!TaskAccess.IsAssignee(caller, task) && !TaskAccess.CanManage(caller, task))
                return Forbidden("Only the person holding the task, or their manager, can put it back.");
            return await AfterAsync(await runtime.UnclaimTaskAsync(task.InstanceId, id, caller.Actor, ct), id, runtime, time, ct);
        });

        group.MapPost("/{id}/reassign", async (string id, HttpRequest request, Caller caller, WorkflowRuntime runtime, UserManager<RtmUser> users,
            TimeProvider time, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ReassignBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (await FindVisibleAsync(id, caller, runtime, ct) is not { } task) return Problems.NotFound($"No task {id}.");
            if (!TaskAccess.CanManage(caller, task)) return Forbidden("Only a manager of the organisation holding the task can hand it on.");
            if (string.IsNullOrWhiteSpace(body!.Assignee) || body.Assignee.Length > 256)
                return Problems.Field("$.assignee", "field.required", "Name the person (their email address) to give the task to.");
            var user = await users.FindByNameAsync(body.Assignee);
            if (user is null || user.OrganisationId != task.CandidateOrganisation || (task.CandidateRole is { } role && !await users.IsInRoleAsync(user, role)))
                return Problems.Field("$.assignee", "task.assignee", $"{body.Assignee} cannot take this task: they must be in {task.CandidateOrganisation}" +
                    (task.CandidateRole is { } needed ? $" with the role {needed}." : "."));
            return await AfterAsync(await runtime.ReassignTaskAsync(task.InstanceId, id, user.UserName!, caller.Actor, ct), id, runtime, time, ct);
        });

        group.MapPost("/{id}/complete", async (string id, HttpRequest request, Caller caller, WorkflowRuntime runtime, TimeProvider time,
            IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<CompleteBody>(request, json.Value.SerializerOptions, ct);
            if (problem is not null) return problem;
            if (await FindVisibleAsync(id, caller, runtime, ct) is not { } task) return Problems.NotFound($"No task {id}.");
            if (task.Status != HumanTaskStatus.Open) return Problems.Conflict($"The task was already {task.Status.ToString().ToLowerInvariant()}.");
            if (task.Assignee is { } holder && !TaskAccess.IsAssignee(caller, task))
                return TaskAccess.IsEligible(caller, task) ? Problems.Conflict($"The task is claimed by {holder}.") : Forbidden("This task is not yours to complete.");
            if (!TaskAccess.CanComplete(caller, task)) return Forbidden("Only people of the organisation holding the task, with its role, can complete it.");
            try
            {
                return await AfterAsync(await runtime.CompleteTaskAsync(task.InstanceId, id, body!.Outcome, body.Data, caller.Name, caller.Actor, ct), id, runtime, time, ct);
            }
            catch (CaseInputException ex)
            {
                return Problems.Validation(ex.Errors, "The answers need correcting.");
            }
        });
    }

    private static TaskQuery Team(Caller caller) => caller.OrganisationId is { } organisation
        ? new TaskQuery { Organisation = organisation, Roles = [.. caller.Roles] }
        : new TaskQuery { Organisation = "(none)" };

    private static TaskQuery? Invalid(List<Workflows.Validation.ValidationError> errors)
    {
        errors.Add(new("view", "field.option", "view is one of: mine, team, overdue, all."));
        return null;
    }

    private static async Task<TaskRecord?> FindVisibleAsync(string id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        id.Length <= 64 && await runtime.Store.Tasks.FindAsync(id, ct) is { } task && TaskAccess.CanSee(caller, task) ? task : null;

    private static async Task<IResult> AfterAsync(StimulusResult result, string id, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) => result.Outcome switch
    {
        StimulusOutcome.Applied or StimulusOutcome.Duplicate => Results.Ok(new
        {
            result.Outcome,
            result.Message,
            caseStatus = result.Status,
            task = await runtime.Store.Tasks.FindAsync(id, ct) is { } task ? Summary(task, time.GetUtcNow()) : null,
        }),
        StimulusOutcome.NotFound => Problems.NotFound(result.Message ?? "No such case."),
        _ => Problems.Conflict(result.Message ?? "The task cannot take this now."),
    };

    private static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not do this.", detail: detail);

    internal static object Summary(TaskRecord t, DateTimeOffset now) => new
    {
        t.Id,
        caseId = t.InstanceId,
        caseReference = t.CaseReference,
        t.DefinitionId,
        t.Activity,
        t.Title,
        t.CandidateOrganisation,
        t.CandidateRole,
        t.Assignee,
        Priority = t.Priority.ToString().ToLowerInvariant(),
        Status = t.Status.ToString().ToLowerInvariant(),
        t.LastDay,
        t.DueAt,
        Overdue = t.Status == HumanTaskStatus.Open && t.DueAt is { } due && due <= now,
        t.CreatedAt,
        t.CompletedAt,
        t.CompletedBy,
        t.Outcome,
    };

    private sealed record ReassignBody(string? Assignee);

    private sealed record CompleteBody(string? Outcome, JsonElement? Data);
}
