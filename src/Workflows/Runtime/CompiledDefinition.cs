using System.Collections.Concurrent;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Runtime;

/// <summary>A validated definition with the look-ups the interpreter needs. Built once per version and shared.</summary>
public sealed class CompiledDefinition
{
    private readonly Dictionary<string, (ActivityNode Node, ActivityDescriptor Descriptor)> _nodes;
    private readonly ILookup<(string, string), Connection> _outbound;
    private readonly ILookup<string, Connection> _inbound;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ancestors = new();

    private CompiledDefinition(WorkflowDefinition source, ActivityRegistry registry)
    {
        Source = source;
        _nodes = source.Activities.ToDictionary(a => a.Id, a => (a, registry.Find(a.Type)!));
        _outbound = source.Connections.ToLookup(c => (c.Source.Activity, c.Source.Port ?? ""));
        _inbound = source.Connections.ToLookup(c => c.Target.Activity);
        StartActivity = source.Activities.Single(a => _nodes[a.Id].Descriptor.IsStart).Id;
        Parameters = source.Parameters.ToDictionary(p => p.Name);
        Variables = source.Variables.ToDictionary(v => v.Name);
    }

    public WorkflowDefinition Source { get; }

    public string StartActivity { get; }

    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; }

    public IReadOnlyDictionary<string, VariableDefinition> Variables { get; }

    /// <summary>Validates and compiles; throws <see cref="InvalidDefinitionException"/> when there are errors.</summary>
    public static CompiledDefinition Compile(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var errors = new DefinitionValidator(registry).Validate(definition);
        if (errors.Count > 0) throw new InvalidDefinitionException($"{definition.Id} v{definition.Version}", errors);
        return new CompiledDefinition(definition, registry);
    }

    public ActivityNode Node(string id) => _nodes[id].Node;

    public ActivityDescriptor Descriptor(string id) => _nodes[id].Descriptor;

    public IEnumerable<Connection> Outbound(string activity, string port) => _outbound[(activity, port)];

    public IReadOnlyList<Connection> Inbound(string activity) => _inbound[activity].ToList();

    /// <summary>Every activity from which <paramref name="activity"/> can be reached.</summary>
    public IReadOnlySet<string> Ancestors(string activity) => _ancestors.GetOrAdd(activity, target =>
    {
        var found = new HashSet<string>();
        var frontier = new Stack<string>([target]);
        while (frontier.TryPop(out var id))
        {
            foreach (var connection in _inbound[id])
            {
                if (found.Add(connection.Source.Activity)) frontier.Push(connection.Source.Activity);
            }
        }
        found.Remove(target);
        return found;
    });
}
