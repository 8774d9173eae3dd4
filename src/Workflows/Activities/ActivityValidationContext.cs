using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Activities;

/// <summary>Lets an activity check its own node at definition time, reporting errors by JSON path.</summary>
public sealed class ActivityValidationContext
{
    private readonly List<ValidationError> _errors;

    private readonly IServiceProvider? _services;

    internal ActivityValidationContext(WorkflowDefinition definition, ActivityNode node, string path, List<ValidationError> errors, IServiceProvider? services = null)
    {
        Definition = definition;
        Node = node;
        Path = path;
        _errors = errors;
        _services = services;
    }

    /// <summary>A service of the application (see <see cref="ActivityRegistry.Services"/>).</summary>
    public T GetRequiredService<T>() where T : notnull => ServiceLookup.Required<T>(_services, Node.Type);

    /// <summary>A service of the application, or null when none is registered (e.g. a validator built without one).</summary>
    public T? GetService<T>() where T : class => _services?.GetService(typeof(T)) as T;

    public WorkflowDefinition Definition { get; }

    public ActivityNode Node { get; }

    /// <summary>The node's JSON path, e.g. <c>$.activities[3]</c>.</summary>
    public string Path { get; }

    public IEnumerable<Connection> Inbound => Definition.Connections.Where(c => c.Target.Activity == Node.Id);

    public IEnumerable<Connection> Outbound => Definition.Connections.Where(c => c.Source.Activity == Node.Id);

    /// <summary>The literal value of an input, or false when it is absent or a reference.</summary>
    public bool TryGetLiteral<T>(string input, out T value)
    {
        value = default!;
        if (!Node.Inputs.TryGetValue(input, out var element) || ValueReference.TryParse(element, out _)) return false;
        try
        {
            value = element.Deserialize<T>(DefinitionJson.Options)!;
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether the input is given a value (JSON null counts as not given).</summary>
    public bool HasInput(string input) => Node.Inputs.TryGetValue(input, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Adds an error at <c>{Path}.{relativePath}</c>.</summary>
    public void AddError(string relativePath, string code, string message) =>
        _errors.Add(new ValidationError($"{Path}.{relativePath}", code, message));
}
