using System.Text.Json.Serialization;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities.BuiltIn;

[JsonConverter(typeof(StrictEnumConverter<JoinMode>))]
public enum JoinMode
{
    /// <summary>Go on when a token has arrived from every inbound connection.</summary>
    [JsonStringEnumMemberName("all")] All,

    /// <summary>Go on with the first token; the other inbound paths are cancelled.</summary>
    [JsonStringEnumMemberName("any")] Any,
}
