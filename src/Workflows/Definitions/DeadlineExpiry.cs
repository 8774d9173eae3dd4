using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Definitions;

/// <summary>What happens when a deadline passes.</summary>
[JsonConverter(typeof(StrictEnumConverter<DeadlineExpiry>))]
public enum DeadlineExpiry
{
    /// <summary>The wait ends; the case goes on through the <c>overdue</c> port only.</summary>
    [JsonStringEnumMemberName("interrupt")] Interrupt,

    /// <summary>The case also goes on through <c>overdue</c> (e.g. to escalate), but the wait continues.</summary>
    [JsonStringEnumMemberName("escalate")] Escalate,
}
