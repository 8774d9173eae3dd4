using System.Text.Json.Serialization;
using RightToManage.Workflows.Time;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// A length of statutory time such as "28 days" or "3 months". As an input literal it is written
/// <c>{"value": 28, "unit": "calendarDays"}</c>.
/// </summary>
public readonly record struct StatutoryPeriod
{
    [JsonConstructor]
    public StatutoryPeriod(int value, PeriodUnit unit)
    {
        Value = value;
        Unit = unit;
    }

    public int Value { get; }

    public PeriodUnit Unit { get; }

    /// <summary>Why this period is unusable, or null when it is valid.</summary>
    public string? Problem => Value switch
    {
        <= 0 => "a period must be a positive whole number",
        > 1200 when Unit == PeriodUnit.CalendarMonths => "a period of more than 100 years is not a statutory period",
        > 36600 => "a period of more than 100 years is not a statutory period",
        _ => null,
    };

    /// <summary>
    /// The last day of a period that starts to run on <paramref name="start"/> ("within 28 days of
    /// receipt"): the start day itself is not counted. Months keep the day of the month, clamped to the
    /// month's end (31 January + 1 month = 28 or 29 February); working days skip weekends and bank holidays.
    /// </summary>
    public DateOnly AddTo(DateOnly start, BankHolidayCalendar calendar) => Move(start, +1, calendar);

    /// <summary>The day this period before <paramref name="end"/> (e.g. a reminder 7 days before a due date).</summary>
    public DateOnly SubtractFrom(DateOnly end, BankHolidayCalendar calendar) => Move(end, -1, calendar);

    private DateOnly Move(DateOnly from, int direction, BankHolidayCalendar calendar)
    {
        if (Problem is { } problem) throw new InvalidOperationException($"Invalid period {Value} {Unit}: {problem}.");
        switch (Unit)
        {
            case PeriodUnit.CalendarDays:
                return from.AddDays(direction * Value);
            case PeriodUnit.CalendarMonths:
                return from.AddMonths(direction * Value);
            default:
                var day = from;
                for (var counted = 0; counted < Value;)
                {
                    day = day.AddDays(direction);
                    if (calendar.IsWorkingDay(day)) counted++;
                }
                return day;
        }
    }

    public override string ToString() => Unit switch
    {
        PeriodUnit.CalendarDays => Value == 1 ? "1 day" : $"{Value} days",
        PeriodUnit.CalendarMonths => Value == 1 ? "1 month" : $"{Value} months",
        _ => Value == 1 ? "1 working day" : $"{Value} working days",
    };
}
