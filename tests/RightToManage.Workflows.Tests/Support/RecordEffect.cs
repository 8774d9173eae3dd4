using System.Text.Json;
using RightToManage.Workflows.Activities;

namespace RightToManage.Workflows.Tests.Support;

/// <summary>Writes an outbox row, as a timer or email activity will.</summary>
[Activity("RecordEffect", Category = "Testing")]
[Port("done")]
public sealed class RecordEffect : Activity
{
    [Input]
    public string Kind { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.AddOutboxMessage(Kind, JsonSerializer.SerializeToElement(new { to = "secretary@tmo.example" }));
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }
}
