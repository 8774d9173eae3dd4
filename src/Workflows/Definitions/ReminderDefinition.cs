using System.Text.Json;

namespace RightToManage.Workflows.Definitions;

/// <summary>
/// One reminder of a deadline, sent at the calendar's reminder time: a period <see cref="Before"/> the
/// last day, <see cref="OnTheDay"/> itself, or <see cref="Every"/> period after it while the wait goes on
/// (escalating deadlines only). Exactly one is set.
/// </summary>
public sealed record ReminderDefinition
{
    public JsonElement? Before { get; init; }

    public bool OnTheDay { get; init; }

    public JsonElement? Every { get; init; }
}
