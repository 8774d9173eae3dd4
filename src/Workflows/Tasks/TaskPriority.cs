using System.Text.Json.Serialization;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Tasks;

[JsonConverter(typeof(StrictEnumConverter<TaskPriority>))]
public enum TaskPriority
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("urgent")] Urgent,
}
