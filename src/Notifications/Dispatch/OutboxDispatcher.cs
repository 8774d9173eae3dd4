using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Templates;
using RightToManage.Notifications.Transport;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Notifications.Dispatch;

/// <summary>
/// Sends the email outbox: claims due messages with a lease, composes each from its template and the case's
/// contacts, hands it to the transport, and records the outcome. A transient failure is retried with
/// backoff; a permanent one (or too many attempts) marks the message failed and raises an incident on the
/// case, from which an administrator can resend it. Runs on every node; the lease keeps them apart.
/// </summary>
public sealed class OutboxDispatcher(
    IWorkflowStore store,
    WorkflowRuntime runtime,
    MailComposer composer,
    IMailTransport transport,
    DispatchSignal signal,
    NotificationsOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private readonly DispatchOptions _dispatch = options.Dispatch;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Sending email through {Transport}", transport.Describe());
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable, say: nothing is lost (rows stay pending, leases run out); back off.
                failures++;
                logger.LogWarning(ex, "The outbox dispatcher could not work through the outbox (failure {Failures} in a row)", failures);
                claimed = 0;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            if (claimed < _dispatch.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_dispatch.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: claims up to a batch of due messages and attempts each. Returns how many it claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.Outbox.ClaimAsync(EmailPayload.Kind, time.GetUtcNow(), _dispatch.Lease, _dispatch.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = _dispatch.Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            // A message whose lease would run out during its send is left for the next claim, so that no other node
            // can take it while this one is still sending it.
            if (time.GetUtcNow() + options.Smtp.Timeout + LeaseMargin >= message.LeasedUntil) return;
            await AttemptAsync(message, ct);
        });
        return claimed.Count;
    }

    private async Task AttemptAsync(ClaimedOutboxMessage claimed, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        MailEnvelope? envelope = null;
        string? template = null;
        try
        {
            var payload = EmailPayload.Parse(message.Payload);
            template = payload.Template;
            var snapshot = await runtime.GetAsync(message.InstanceId, cancellationToken);
            if (snapshot is null)
            {
                await FailAsync(claimed, null, template, "The case no longer exists.", cancellationToken);
                return;
            }
            envelope = composer.Compose(message, payload, snapshot.Parties);
            await transport.SendAsync(envelope, cancellationToken);
            await store.Outbox.MarkSentAsync(message.Id, time.GetUtcNow(), Describe(envelope, template), cancellationToken);
            logger.LogInformation("Sent {Template} for case {InstanceId} to {Count} recipient(s) (attempt {Attempt})", template, message.InstanceId, envelope.To.Count + envelope.Cc.Count, claimed.Attempt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (MailDeliveryException ex) when (!ex.IsPermanent && claimed.Attempt < _dispatch.MaxAttempts)
        {
            var next = time.GetUtcNow() + RetryPolicy.Delay(_dispatch, claimed.Attempt, Random.Shared.NextDouble());
            logger.LogWarning("Could not send {Template} for case {InstanceId} (attempt {Attempt} of {Max}); next attempt at {Next:u}: {Error}",
                template, message.InstanceId, claimed.Attempt, _dispatch.MaxAttempts, next, ex.Message);
            await store.Outbox.RetryLaterAsync(message.Id, next, ex.Message, cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            var reason = ex.IsPermanent ? $"The mail server refused it: {ex.Message}" : $"Gave up after {claimed.Attempt} attempts; the last failed with: {ex.Message}";
            await FailAsync(claimed, envelope, template, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is UndeliverableException or TemplateRenderException or JsonException)
        {
            await FailAsync(claimed, envelope, template, ex.Message, cancellationToken);
        }
    }

    private async Task FailAsync(ClaimedOutboxMessage claimed, MailEnvelope? envelope, string? template, string reason, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        var error = $"The email '{template ?? message.Kind}' could not be sent. {reason}";
        logger.LogError("{Error} (case {InstanceId}, message {MessageId})", error, message.InstanceId, message.Id);
        var incident = new Incident(Guid.CreateVersion7(time.GetUtcNow()), message.InstanceId, message.Activity, error, $"Outbox message {message.Id}, attempt {claimed.Attempt}.", time.GetUtcNow())
        {
            OutboxId = message.Id,
        };
        await store.Outbox.MarkFailedAsync(message.Id, reason, envelope is null ? null : Describe(envelope, template ?? ""), incident, cancellationToken);
    }

    private string Describe(MailEnvelope envelope, string template) => JsonSerializer.Serialize(
        new DeliveryRecord($"<{envelope.MessageId}>", envelope.From.Email, [.. envelope.To.Select(r => r.Email)], [.. envelope.Cc.Select(r => r.Email)], envelope.Subject, template, transport.Describe()),
        EmailPayload.Json);
}
