using System.Text.Json.Serialization;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Tasks;

/// <summary>The kinds of value a task form asks for.</summary>
[JsonConverter(typeof(StrictEnumConverter<TaskFieldType>))]
public enum TaskFieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("yesNo")] YesNo,
    [JsonStringEnumMemberName("choice")] Choice,

    /// <summary>The id of a document uploaded to the case.</summary>
    [JsonStringEnumMemberName("document")] Document,
}
