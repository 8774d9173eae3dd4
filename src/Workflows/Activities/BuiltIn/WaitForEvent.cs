using System.Text.Json;

namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("WaitForEvent", Category = "Events", CanWait = true,
    Description = "Waits until the named event is sent to this case (e.g. \"halt-requested\"). An event that arrived earlier is applied at once.")]
[Port("done")]
public sealed class WaitForEvent : Activity
{
    [Input(Description = "The event name, as sent to the case.", UIHint = UIHints.SingleLine)]
    public string Event { get; set; } = "";

    [Output(Description = "The data sent with the event.")]
    public JsonElement? Payload { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Suspend(Event));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonElement? payload)
    {
        Payload = payload;
        return ValueTask.FromResult(ActivityResult.Complete("done"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.TryGetLiteral<string>("event", out var name) && string.IsNullOrWhiteSpace(name))
            context.AddError("inputs.event", "event.name", "The event name must not be empty.");
    }
}
