using System.Text.Json;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("Timer", Category = "Time",
    Description = "Waits until an instant, a date, or until a statutory period that runs from a date (e.g. 28 days from receipt) has ended.")]
[Port("done")]
public sealed class Timer : Activity
{
    [Input(Description = "Go on at the start of this date.", UIHint = UIHints.DatePicker)]
    public DateOnly? Until { get; set; }

    [Input(Description = "Go on at this instant (e.g. when a ballot closes).", UIHint = UIHints.DatePicker)]
    public DateTimeOffset? At { get; set; }

    [Input(Description = "Go on once this period has ended (at the start of the day after its last day).", UIHint = UIHints.PeriodEditor)]
    public StatutoryPeriod? Period { get; set; }

    [Input(Description = "The date the period runs from, e.g. the date of receipt; by default the day the timer starts.", UIHint = UIHints.DatePicker)]
    public DateOnly? From { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var calendar = context.Calendar;
        var dueAt = At is { } at ? at.ToUniversalTime()
            : Until is { } until
            ? calendar.At(until, TimeOnly.MinValue)
            : calendar.ExpiryOf(Period!.Value.AddTo(From ?? calendar.DateOf(context.Now), calendar.BankHolidays));
        return ValueTask.FromResult(ActivityResult.SuspendUntil(dueAt, JsonSerializer.SerializeToElement(new { dueAt })));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonElement? payload) =>
        ValueTask.FromResult(ActivityResult.Complete("done"));

    public override void Validate(ActivityValidationContext context)
    {
        if (new[] { "at", "until", "period" }.Count(context.HasInput) != 1)
            context.AddError("inputs", "timer.when", "A Timer takes exactly one of 'at' (an instant), 'until' (a date) or 'period' (with an optional 'from').");
        if (context.HasInput("from") && !context.HasInput("period"))
            context.AddError("inputs.from", "timer.when", "'from' goes with 'period'.");
    }
}
