namespace RightToManage.Workflows.Activities;

/// <summary>Everything the studio palette and the validator need to know of an activity type.</summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<PortDescriptor> Ports,
    string? DynamicPortsInput,
    bool IsStart,
    bool IsTerminal,
    bool CanWait)
{
    internal Type ClrType { get; init; } = null!;

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    public OutputDescriptor? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);

    /// <summary>The ports a node of this type has: the static ones plus its dynamic ones.</summary>
    public IReadOnlyList<string> PortsOf(Definitions.ActivityNode node)
    {
        var ports = Ports.Select(p => p.Name).ToList();
        if (node.Deadline is { } deadline)
        {
            ports.Add(DeadlinePorts.Overdue);
            if (deadline.Reminders.Count > 0) ports.Add(DeadlinePorts.Reminder);
        }
        if (DynamicPortsInput is not null
            && node.Inputs.TryGetValue(DynamicPortsInput, out var list)
            && list.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            ports.AddRange(list.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!));
        }
        return ports;
    }
}
