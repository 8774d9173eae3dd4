namespace RightToManage.Workflows.Time;

/// <summary>
/// Where statutory dates meet clock time: the bank holidays, the time zone dates are reckoned in
/// (England: Europe/London), and the time of day reminders go out.
/// </summary>
public sealed class StatutoryCalendar(BankHolidayCalendar bankHolidays, TimeZoneInfo zone, TimeOnly reminderTime)
{
    /// <summary>England and Wales bank holidays, London time, reminders at 09:00.</summary>
    public static StatutoryCalendar England { get; } = new(BankHolidayCalendar.EnglandAndWales, LondonZone(), new TimeOnly(9, 0));

    public BankHolidayCalendar BankHolidays { get; } = bankHolidays;

    public TimeZoneInfo Zone { get; } = zone;

    public TimeOnly ReminderTime { get; } = reminderTime;

    /// <summary>The local date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a local date and time occur (an hour skipped by the clocks going forward resolves to after it).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>When a period whose last day is <paramref name="lastDay"/> has run out: the start of the next day.</summary>
    public DateTimeOffset ExpiryOf(DateOnly lastDay) => At(lastDay.AddDays(1), TimeOnly.MinValue);

    private static TimeZoneInfo LondonZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tz data, build the UK rule: GMT, BST from the last Sunday of March to the last Sunday of October at 01:00 UTC.
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/London", TimeSpan.Zero, "UK time", "GMT", "BST", [rule]);
        }
    }
}
