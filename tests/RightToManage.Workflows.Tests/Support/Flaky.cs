using System.Collections.Concurrent;
using RightToManage.Workflows.Activities;

namespace RightToManage.Workflows.Tests.Support;

/// <summary>Fails for the cases listed in <see cref="Broken"/>: stands in for an activity whose dependency is down.</summary>
[Activity("Flaky", Category = "Testing")]
[Port("done")]
public sealed class Flaky : Activity
{
    public static readonly ConcurrentDictionary<Guid, bool> Broken = new();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Broken.ContainsKey(context.InstanceId)
            ? throw new IOException("The records service is unavailable.")
            : ValueTask.FromResult(ActivityResult.Complete("done"));
}
