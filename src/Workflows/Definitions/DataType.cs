using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>The value types a parameter, variable, input or output may hold.</summary>
[JsonConverter(typeof(StrictEnumConverter<DataType>))]
public enum DataType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("integer")] Integer,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("date")] Date,

    /// <summary>An instant with its UTC offset, ISO 8601, e.g. "2027-05-05T17:00:00+01:00".</summary>
    [JsonStringEnumMemberName("dateTime")] DateTime,
    [JsonStringEnumMemberName("textList")] TextList,
    [JsonStringEnumMemberName("period")] Period,
    [JsonStringEnumMemberName("json")] Json,
}
