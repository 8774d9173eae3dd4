using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>How a statutory period counts time.</summary>
[JsonConverter(typeof(StrictEnumConverter<PeriodUnit>))]
public enum PeriodUnit
{
    /// <summary>Every day counts.</summary>
    [JsonStringEnumMemberName("calendarDays")] CalendarDays,

    /// <summary>Same day of the month N months on; a missing day clamps to the month's end.</summary>
    [JsonStringEnumMemberName("calendarMonths")] CalendarMonths,

    /// <summary>Weekdays that are not bank holidays in England and Wales.</summary>
    [JsonStringEnumMemberName("workingDays")] WorkingDays,
}
