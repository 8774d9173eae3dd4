using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using RightToManage.Workflows.Activities.BuiltIn;
using RightToManage.Workflows.Definitions;

namespace RightToManage.Workflows.Activities;

/// <summary>
/// The activity types a runtime knows, described for the validator and the studio palette.
/// Immutable: <see cref="With"/> returns a new registry.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityDescriptor> _byName;

    private ActivityRegistry(IEnumerable<ActivityDescriptor> descriptors, IServiceProvider? services = null)
    {
        _byName = descriptors.ToFrozenDictionary(d => d.TypeName, StringComparer.Ordinal);
        Services = services;
    }

    /// <summary>
    /// The application's services, for activities that need one (e.g. the template catalog) at run or
    /// validation time, and for <see cref="Validation.IDefinitionCheck"/>s. Null outside dependency injection.
    /// </summary>
    public IServiceProvider? Services { get; }

    /// <summary>This registry with the application's services attached.</summary>
    public ActivityRegistry WithServices(IServiceProvider services) => new(_byName.Values, services);

    /// <summary>
    /// The built-in activities: the flow ones (Start, End, Decision, Fork, Join, SetVariable, WaitForEvent, Timer),
    /// UserTask, HoldCase and ReleaseCase, and the statutory checks (ProposalNoticeCheck, RepeatProposalCheck, BallotTally).
    /// </summary>
    public static ActivityRegistry BuiltIn { get; } = new(new[]
    {
        typeof(Start), typeof(End), typeof(Decision), typeof(Fork), typeof(Join), typeof(SetVariable), typeof(WaitForEvent), typeof(BuiltIn.Timer), typeof(Tasks.UserTask),
        typeof(HoldCase), typeof(ReleaseCase),
        typeof(Statutory.ProposalNoticeCheck), typeof(Statutory.RepeatProposalCheck), typeof(Statutory.BallotTally),
    }.Select(Describe));

    public IEnumerable<ActivityDescriptor> Descriptors => _byName.Values.OrderBy(d => d.Category).ThenBy(d => d.TypeName);

    public ActivityDescriptor? Find(string typeName) => _byName.GetValueOrDefault(typeName);

    /// <summary>A registry with these activity classes added (or replacing those of the same type name).</summary>
    public ActivityRegistry With(params Type[] activityTypes)
    {
        var all = _byName.Values.ToDictionary(d => d.TypeName);
        foreach (var type in activityTypes)
        {
            var descriptor = Describe(type);
            all[descriptor.TypeName] = descriptor;
        }
        return new ActivityRegistry(all.Values, Services);
    }

    /// <summary>A registry with every concrete <see cref="Activity"/> marked with <see cref="ActivityAttribute"/> in the assembly added.</summary>
    public ActivityRegistry WithAssembly(Assembly assembly) =>
        With(assembly.GetTypes().Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(Activity)) && t.GetCustomAttribute<ActivityAttribute>() is not null).ToArray());

    internal Activity Create(ActivityDescriptor descriptor) => (Activity)Activator.CreateInstance(descriptor.ClrType)!;

    private static ActivityDescriptor Describe(Type type)
    {
        if (!type.IsSubclassOf(typeof(Activity)))
            throw new ArgumentException($"{type} does not derive from {nameof(Activity)}.", nameof(type));
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type} has no [{nameof(ActivityAttribute)}].", nameof(type));
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{type} needs a public parameterless constructor.", nameof(type));

        var nullability = new NullabilityInfoContext();
        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input)
            {
                var defaultValue = input.DefaultJson is null ? (JsonElement?)null : JsonDocument.Parse(input.DefaultJson).RootElement.Clone();
                var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable
                    || Nullable.GetUnderlyingType(property.PropertyType) is not null;
                var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                IReadOnlyList<string>? options = clrType.IsEnum ? EnumNames(clrType) : null;
                inputs.Add(new InputDescriptor(
                    JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                    input.DisplayName ?? property.Name,
                    DataTypes.FromClr(clrType),
                    Required: !nullable && defaultValue is null,
                    defaultValue,
                    input.UIHint ?? (options is null ? null : UIHints.Dropdown),
                    input.Description,
                    options) { Property = property });
            }
            else if (property.GetCustomAttribute<OutputAttribute>() is { } output)
            {
                var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                outputs.Add(new OutputDescriptor(JsonNamingPolicy.CamelCase.ConvertName(property.Name), DataTypes.FromClr(clrType), output.Description) { Property = property });
            }
        }

        var ports = type.GetCustomAttributes<PortAttribute>().Select(p => new PortDescriptor(p.Name, p.Description)).ToList();
        return new ActivityDescriptor(
            attribute.TypeName,
            attribute.Category,
            attribute.DisplayName ?? attribute.TypeName,
            attribute.Description,
            inputs,
            outputs,
            ports,
            attribute.DynamicPortsInput,
            attribute.IsStart,
            attribute.IsTerminal,
            attribute.CanWait) { ClrType = type };
    }

    private static string[] EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToArray();
}
