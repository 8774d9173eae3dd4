using System.Text.Json.Serialization;

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

    public override string ToString() => Unit switch
    {
        PeriodUnit.CalendarDays => Value == 1 ? "1 day" : $"{Value} days",
        PeriodUnit.CalendarMonths => Value == 1 ? "1 month" : $"{Value} months",
        _ => Value == 1 ? "1 working day" : $"{Value} working days",
    };
}
