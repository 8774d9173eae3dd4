using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// A statutory deadline on a waiting activity (e.g. "decide within 28 days of receipt"). While the
/// activity waits, the deadline's timers run: reminders leave through the activity's <c>reminder</c>
/// port, and expiry through its <c>overdue</c> port.
/// </summary>
public sealed record DeadlineDefinition
{
    /// <summary>The period: a literal <c>{"value": 28, "unit": "calendarDays"}</c> or <c>{"$parameter": "…"}</c>.</summary>
    public JsonElement Period { get; init; }

    /// <summary>The date the period runs from (usually <c>{"$variable": "receivedOn"}</c>); by default the day the wait began.</summary>
    public JsonElement? From { get; init; }

    public DeadlineExpiry OnExpiry { get; init; } = DeadlineExpiry.Interrupt;

    public IReadOnlyList<ReminderDefinition> Reminders { get; init; } = [];

    /// <summary>The regulation that sets the deadline, recorded with it in the journal.</summary>
    public string? Source { get; init; }

    /// <summary>Who is emailed at each reminder (template <c>deadline-reminder</c> by default), e.g. the officer who must act.</summary>
    public NotificationRule? Notify { get; init; }

    /// <summary>Who is emailed when the deadline passes (template <c>deadline-overdue</c> by default), e.g. the officer's manager.</summary>
    public NotificationRule? Escalate { get; init; }
}
