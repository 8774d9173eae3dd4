using System.Text.Json;
using RightToManage.Host.Access;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Dispatch;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Host.Endpoints;

/// <summary>A case's delivery log, and resending a message.</summary>
public static class CaseNotificationEndpoints
{
    public static void MapCaseNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases/{id:guid}/notifications").RequireAuthorization(Policies.Authenticated);

        group.MapGet("/", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
            var entries = await runtime.Store.Outbox.ReadAsync(id, ct);
            return Results.Ok(entries.Where(e => e.Kind == EmailPayload.Kind).Select(ToBody));
        });

        group.MapPost("/{messageId:guid}/resend", async (Guid id, Guid messageId, Caller caller, WorkflowRuntime runtime, IServiceProvider services, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
            return CaseAccess.CanRepair(caller)
                ? await ResendAsync(id, messageId, caller, runtime, services, ct)
                : CaseEndpoints.Forbidden("Only an administrator can resend a message.");
        });
    }

    /// <summary>Queues a failed (or sent) message again as new and resolves the incident its failure raised.</summary>
    internal static async Task<IResult> ResendAsync(Guid id, Guid messageId, Caller caller, WorkflowRuntime runtime, IServiceProvider services, CancellationToken ct)
    {
        var entry = await runtime.Store.Outbox.FindAsync(messageId, ct);
        if (entry is null || entry.Message.InstanceId != id) return Problems.NotFound($"Case {id} has no message {messageId}.");
        if (entry.Status == OutboxStatus.Pending) return Problems.Conflict("The message is still waiting to be sent; it will be attempted again on its own.");
        var time = services.GetRequiredService<TimeProvider>();
        if (!await runtime.Store.Outbox.ResendAsync(id, messageId, time.GetUtcNow(), caller.Actor, ct))
            return Problems.Conflict("The message changed meanwhile; read the delivery log again.");
        services.GetService<DispatchSignal>()?.MessagesCommitted();
        return Results.Accepted($"/api/cases/{id}/notifications", ToBody((await runtime.Store.Outbox.FindAsync(messageId, ct))!));
    }

    private static object ToBody(OutboxEntry entry)
    {
        EmailPayload? payload = null;
        try
        {
            payload = EmailPayload.Parse(entry.Message.Payload);
        }
        catch (JsonException)
        {
            // Shown without its template and roles rather than hiding the row.
        }
        return new
        {
            entry.Id,
            entry.Message.Activity,
            payload?.Template,
            ToRoles = payload?.To,
            CcRoles = payload?.Cc,
            Status = entry.Status.ToString().ToLowerInvariant(),
            entry.Attempts,
            entry.Message.CreatedAt,
            NextAttemptAt = entry.Status == OutboxStatus.Pending ? entry.NextAttemptAt : null,
            entry.SentAt,
            entry.LastError,
            Delivery = entry.Delivery is { } delivery ? JsonDocument.Parse(delivery).RootElement : (JsonElement?)null,
        };
    }
}
