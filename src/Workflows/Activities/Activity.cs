using System.Text.Json;

namespace RightToManage.Workflows.Activities;

/// <summary>
/// The base of every activity. A subclass is described by <see cref="ActivityAttribute"/>,
/// <see cref="PortAttribute"/>s, and properties marked <see cref="InputAttribute"/> or
/// <see cref="OutputAttribute"/>. The runtime creates a fresh instance for each execution and binds
/// its inputs first, so an activity holds no state between executions: what must survive goes in
/// variables, bookmarks or <see cref="ActivityContext.NodeState"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs when a token reaches the activity.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Runs when a bookmark this activity created is resumed by a stimulus.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonElement? payload) =>
        throw new InvalidOperationException($"Activity '{context.Node.Id}' does not create bookmarks.");

    /// <summary>Definition-time checks beyond the input types, reported with JSON paths.</summary>
    public virtual void Validate(ActivityValidationContext context)
    {
    }
}
