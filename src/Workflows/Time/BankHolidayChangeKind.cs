using System.Text.Json.Serialization;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Time;

[JsonConverter(typeof(StrictEnumConverter<BankHolidayChangeKind>))]
public enum BankHolidayChangeKind
{
    [JsonStringEnumMemberName("add")] Add,
    [JsonStringEnumMemberName("remove")] Remove,
}
