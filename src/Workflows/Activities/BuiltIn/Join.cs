using System.Text.Json;

namespace RightToManage.Workflows.Activities.BuiltIn;

[Activity("Join", Category = "Flow",
    Description = "Brings parallel paths together: waits for all of them, or goes on with the first and cancels the rest.")]
[Port("done")]
public sealed class Join : Activity
{
    [Input(Description = "all: wait for every inbound path; any: the first wins and the others are cancelled.", DefaultJson = "\"all\"")]
    public JoinMode Mode { get; set; } = JoinMode.All;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (Mode == JoinMode.Any)
        {
            context.CancelBranchesInto();
            context.NodeState = null;
            return ValueTask.FromResult(ActivityResult.Complete("done"));
        }

        // Connections are told apart by source activity and port: two branches of one Fork both count.
        var arrived = context.NodeState?.Deserialize<HashSet<string>>() ?? [];
        if (context.ArrivedFrom is { } from) arrived.Add($"{from}.{context.ArrivedThrough}");
        var expected = context.InboundConnections.Select(c => $"{c.Source.Activity}.{c.Source.Port}").ToHashSet();
        if (expected.IsSubsetOf(arrived))
        {
            context.NodeState = null;
            return ValueTask.FromResult(ActivityResult.Complete("done"));
        }
        context.NodeState = JsonSerializer.SerializeToElement(arrived.Order().ToArray());
        return ValueTask.FromResult(ActivityResult.Absorb());
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Inbound.Select(c => (c.Source.Activity, c.Source.Port)).Distinct().Count() < 2)
            context.AddError("id", "join.inbound", "A Join brings paths together: it needs at least two inbound connections.");
    }
}
