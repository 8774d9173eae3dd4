using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Time;

[JsonConverter(typeof(JsonStringEnumConverter<BankHolidayChangeKind>))]
public enum BankHolidayChangeKind
{
    [JsonStringEnumMemberName("add")] Add,
    [JsonStringEnumMemberName("remove")] Remove,
}
