using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// How sure the legal research is of a rule. Anything below <see cref="High"/> is shown to
/// designers as unverified so a council can check it and change the parameter.
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<Confidence>))]
public enum Confidence
{
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("not-found")] NotFound,
}
