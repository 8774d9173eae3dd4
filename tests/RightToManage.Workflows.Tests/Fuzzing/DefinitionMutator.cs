using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Tests.Fuzzing;

/// <summary>
/// Makes a broken (or, by luck, still valid) variant of a definition: one to three mutations of the kinds a designer,
/// a bad merge or a hostile client produce, chosen by a seed so that a failure can be made again exactly.
/// </summary>
public sealed class DefinitionMutator
{
    private static readonly JsonSerializerOptions Rendering = new()
    {
        WriteIndented = true,
        // Unicode as a hand-edited file has it, not \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Names under which a definition refers to something it declares elsewhere (or to a registered type or template).
    private static readonly HashSet<string> ReferenceNames =
    [
        "id", "activity", "stage", "$parameter", "$variable", "path", "event", "template", "variable", "name", "port",
        "candidateParty", "candidateRole", "requiredFor", "type", "unit", "confidence", "onExpiry",
    ];

    /// <summary>How deep a mutant's shape nests at most: the parser gives up at 64 levels, so no error path goes deeper.</summary>
    private const int ShapeDepth = 100;

    private static readonly string[] PeriodNames = ["period", "before", "every", "plannedDuration", "from"];

    private readonly Random _random;
    private readonly JsonNode _root;
    private readonly IReadOnlyList<string> _activityTypes;
    private readonly List<string> _mutations = [];
    private readonly List<(string Json, string Shape)> _raw = [];

    // Parsing a shipped file takes longer than mutating a copy of it: each is parsed once per run.
    private static readonly ConcurrentDictionary<string, JsonNode> Parsed = new();

    private DefinitionMutator(string json, int seed, IReadOnlyList<string> activityTypes)
    {
        _random = new Random(seed);
        var original = Parsed.GetOrAdd(json, text =>
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
            // Read every node now, while one thread has it: a JsonNode reads its text lazily and is not safe to share until it has.
            _ = node.ToJsonString();
            foreach (var _ in Walk(node)) { }
            return node;
        });
        lock (original) _root = original.DeepClone();
        _activityTypes = activityTypes;
    }

    /// <summary>The mutant of <paramref name="json"/> (the text of <paramref name="source"/>) that <paramref name="seed"/> makes.</summary>
    /// <param name="activityTypes">Registered activity type names, for changing one activity into another kind.</param>
    public static Mutant Create(string source, string json, int seed, IReadOnlyList<string> activityTypes)
    {
        var mutator = new DefinitionMutator(json, seed, activityTypes);
        var count = 1 + mutator._random.Next(3);
        for (var i = 0; i < count; i++) mutator.MutateOnce();
        var (text, shape) = mutator.Render();
        // Malformed JSON is a text mutation, so it comes last; the tree before it is what error paths are checked against.
        var truncated = mutator._random.Next(10) == 0;
        if (truncated) text = mutator.Truncate(text);
        return new Mutant(source, seed, mutator._mutations, text, shape, truncated);
    }

    private void MutateOnce()
    {
        Func<string?>[] kinds =
        [
            RemoveProperty, ReplaceWithOddValue, DuplicateElement, RemoveElement, UnknownReference, RenameEverywhere,
            SwapValues, UnknownProperty, DeepNesting, ChangeActivityType, CorruptPeriod, CorruptPort, CorruptEndpoint,
            CorruptStage, CorruptValueReference, CorruptNotification, ChangeDataType,
        ];
        // Not every kind applies to every tree (e.g. after an array was emptied): try others until one does.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (kinds[_random.Next(kinds.Length)]() is { } done)
            {
                _mutations.Add(done);
                return;
            }
        }
    }

    private string? RemoveProperty()
    {
        var slot = Pick(Slots().Where(s => s.Name is not null));
        if (slot is null) return null;
        ((JsonObject)slot.Parent).Remove(slot.Name!);
        return $"remove-property {slot.Path}";
    }

    private string? ReplaceWithOddValue()
    {
        var slot = Pick(Slots());
        if (slot is null) return null;
        var (value, description) = OddValue();
        slot.Set(value);
        return $"odd-value {slot.Path} = {Shorten(description)}";
    }

    private string? DuplicateElement()
    {
        var array = Pick(Nodes().OfType<JsonArray>().Where(a => a.Count > 0));
        if (array is null) return null;
        var from = _random.Next(array.Count);
        var to = _random.Next(array.Count + 1);
        array.Insert(to, array[from]?.DeepClone());
        return $"duplicate-element {array.GetPath()}[{from}] at [{to}]";
    }

    private string? RemoveElement()
    {
        var array = Pick(Nodes().OfType<JsonArray>().Where(a => a.Count > 0));
        if (array is null) return null;
        var index = _random.Next(array.Count);
        array.RemoveAt(index);
        return $"remove-element {array.GetPath()}[{index}]";
    }

    private string? UnknownReference()
    {
        var slot = Pick(Slots().Where(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && (ReferenceNames.Contains(s.Name ?? "") || IsUnder(s, "outputs", "to", "cc"))));
        if (slot is null) return null;
        var name = UnknownName();
        slot.Set(JsonValue.Create(name));
        return $"unknown-reference {slot.Path} = {Describe(name)}";
    }

    /// <summary>Renames an id or name and every string equal to it: a rename the studio does, which should stay valid.</summary>
    private string? RenameEverywhere()
    {
        var slot = Pick(Slots().Where(s => s.Name is "id" or "name" && s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String));
        if (slot is null) return null;
        var old = slot.Value!.GetValue<string>();
        var renamed = _random.Next(3) == 0 ? UnknownName() : $"{old}Renamed{_random.Next(100)}";
        var changed = 0;
        foreach (var other in Slots().Where(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == old).ToList())
        {
            other.Set(JsonValue.Create(renamed));
            changed++;
        }
        return $"rename-everywhere {slot.Path} {Describe(old)} → {Describe(renamed)} ({changed} places)";
    }

    private string? SwapValues()
    {
        var groups = Slots().Where(s => s.Name is not null).GroupBy(s => s.Name).Where(g => g.Count() >= 2).ToList();
        if (groups.Count == 0) return null;
        var group = groups[_random.Next(groups.Count)].ToList();
        var a = group[_random.Next(group.Count)];
        var b = group[_random.Next(group.Count)];
        if (ReferenceEquals(a.Parent, b.Parent) || a.Value?.ToJsonString() == b.Value?.ToJsonString()) return null;
        // One node may hold the other (e.g. two "inputs" objects never nest, but "form" items may): swap copies.
        var (va, vb) = (a.Value?.DeepClone(), b.Value?.DeepClone());
        var (pathA, pathB) = (a.Path, b.Path);
        a.Set(vb);
        if (IsAttached(b.Parent)) b.Set(va);
        return $"swap-values {pathA} ⇄ {pathB}";
    }

    private string? UnknownProperty()
    {
        var target = Pick(Nodes().OfType<JsonObject>());
        if (target is null) return null;
        string[] names = ["typo", "Id", "ID", "Type", "inputz", "$ref", "$schema", "a.b", "with space", "[0]", "it's", "", "名前", "\u0007bell", "__proto__", "constructor", new('k', 300)];
        var name = names[_random.Next(names.Length)];
        if (target.ContainsKey(name)) return null;
        var (value, description) = _random.Next(2) == 0 ? (JsonValue.Create("x"), "\"x\"") : OddValue();
        target[name] = value;
        return $"unknown-property {JsonPath.Member(target.GetPath(), name)} = {Shorten(description)}";
    }

    private string? DeepNesting()
    {
        var slot = Pick(Slots());
        if (slot is null) return null;
        int[] depths = [63, 65, 1_000, 100_000];
        var depth = depths[_random.Next(depths.Length)];
        var objects = _random.Next(2) == 0;
        string Nested(int levels) => objects
            ? new StringBuilder().Insert(0, "{\"a\":", levels).Append('1').Append('}', levels).ToString()
            : new string('[', levels) + new string(']', levels);
        slot.Set(Raw(Nested(depth), Nested(Math.Min(depth, ShapeDepth))));
        return $"deep-nesting {slot.Path} = {depth} nested {(objects ? "objects" : "arrays")}";
    }

    private string? ChangeActivityType()
    {
        var slot = Pick(Slots().Where(s => s.Name == "type" && s.Ancestors == "/activities/"));
        if (slot is null) return null;
        var current = slot.Value?.GetValueKind() == JsonValueKind.String ? slot.Value.GetValue<string>() : "";
        string[] odd = ["NoSuchActivity", current.ToLowerInvariant(), current.ToUpperInvariant(), $" {current}", "", "Activity", "$variable"];
        var type = _random.Next(3) == 0 ? odd[_random.Next(odd.Length)] : _activityTypes[_random.Next(_activityTypes.Count)];
        slot.Set(JsonValue.Create(type));
        return $"activity-type {slot.Path} {Describe(current)} → {Describe(type)}";
    }

    private string? CorruptPeriod()
    {
        var slot = Pick(Slots().Where(s => PeriodNames.Contains(s.Name)
            || (s.Name is "value" or "unit" && s.Parent is JsonObject o && o["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "period")));
        if (slot is null) return null;
        string[] periods =
        [
            """{"value": 0, "unit": "calendarDays"}""", """{"value": -28, "unit": "calendarDays"}""", """{"value": 1.5, "unit": "workingDays"}""",
            """{"value": 2147483648, "unit": "calendarDays"}""", """{"value": 1e400, "unit": "calendarDays"}""", """{"value": 36601, "unit": "calendarDays"}""",
            """{"value": 1201, "unit": "calendarMonths"}""", """{"value": 28, "unit": "fortnights"}""", """{"value": 28, "unit": "CalendarDays"}""",
            """{"value": 28, "unit": 0}""", """{"value": "28", "unit": "calendarDays"}""", """{"value": 28}""", """{"unit": "calendarDays"}""",
            """{"value": 28, "unit": "calendarDays", "extra": true}""", """{"value": 28, "value": 29, "unit": "calendarDays"}""", "\"28 days\"", "\"P28D\"",
            "28", "-1", "0", "null", "[]", "{}", """{"$parameter": "noSuchPeriod"}""", """{"$variable": "noSuchDate"}""",
            """{"$parameter": "decisionPeriod", "path": "x"}""", """{"$variable": "receivedOn", "path": ""}""", """{"$variable": "receivedOn", "path": "a..b"}""",
            "\"fortnights\"", "\"calendarDays\"", "\"\"", "\"2026-02-30\"", "\"\\ud800\"",
        ];
        var raw = periods[_random.Next(periods.Length)];
        slot.Set(Raw(raw));
        return $"corrupt-period {slot.Path} = {raw}";
    }

    private string? CorruptPort()
    {
        var slot = Pick(Slots().Where(s => s.Name == "port") is var ports && ports.Any()
            ? ports
            : Slots().Where(s => s.Name is "source" or "target" && s.Value is JsonObject && IsUnder(s, "connections")));
        if (slot is null) return null;
        var value = _random.Next(4) switch
        {
            0 => JsonValue.Create(UnknownName()),
            1 => JsonValue.Create(PickString("port") ?? "done"),
            2 => null,
            _ => OddValue().Value,
        };
        if (slot.Name is "source" or "target") ((JsonObject)slot.Value!)["port"] = value;
        else slot.Set(value);
        return $"corrupt-port {slot.Path} = {Describe(value)}";
    }

    private string? CorruptEndpoint()
    {
        var slot = Pick(Slots().Where(s => s.Name is "source" or "target" or "activity" && IsUnder(s, "connections")));
        if (slot is null) return null;
        JsonNode? value = _random.Next(5) switch
        {
            0 => JsonValue.Create(UnknownName()),
            1 => JsonValue.Create(PickString("id") ?? "start"),
            2 => JsonValue.Create("start"),
            3 => null,
            _ => OddValue().Value,
        };
        slot.Set(value);
        return $"corrupt-endpoint {slot.Path} = {Describe(value)}";
    }

    private string? CorruptStage()
    {
        var slot = Pick(Slots().Where(s => s.Name == "stage" || (s.Name == "name" && IsUnder(s, "stages"))));
        if (slot is null) return null;
        string[] odd = ["No such stage", "", " ", new('s', 201), PickString("stage") ?? "Stage", "proposal notice"];
        var value = odd[_random.Next(odd.Length)];
        slot.Set(JsonValue.Create(value));
        return $"corrupt-stage {slot.Path} = {Describe(value)}";
    }

    private string? CorruptValueReference()
    {
        var slot = Pick(Slots().Where(s => s.Name is "$parameter" or "$variable" or "path" || IsUnder(s, "outputs")));
        if (slot is null) return null;
        string[] odd = [UnknownName(), PickString("name") ?? "x", "", "a..b", ".", "$variable", "receivedOn.servedOn"];
        var value = _random.Next(4) == 0 ? OddValue().Value : JsonValue.Create(odd[_random.Next(odd.Length)]);
        slot.Set(value);
        return $"corrupt-reference {slot.Path} = {Describe(value)}";
    }

    private string? CorruptNotification()
    {
        var slot = Pick(Slots().Where(s => s.Name is "template" or "to" or "cc" or "stageChanged" or "taskAssigned" or "notify" or "escalate" or "notifications"));
        if (slot is null) return null;
        string[] odd =
        [
            "\"no-such-template\"", "\"\"", "\"../../appsettings\"", "\"deadline-reminder\"", "\"deadline-overdue\"", "\"stage-changed\"", "\"task-assigned\"",
            "[]", "[\"nobody\"]", "[null]", "[1]", "\"officer\"", "[\"officer\", \"officer\"]", "{}", "{\"to\": []}", "{\"template\": \"no-such-template\"}",
            "{\"to\": [\"officer\"], \"template\": \"stage-changed\"}", "null", "true",
        ];
        var raw = odd[_random.Next(odd.Length)];
        slot.Set(Raw(raw));
        return $"corrupt-notification {slot.Path} = {raw}";
    }

    private string? ChangeDataType()
    {
        var slot = Pick(Slots().Where(s => s.Name == "type" && IsUnder(s, "variables", "parameters", "form", "fields")));
        if (slot is null) return null;
        string[] types = ["text", "number", "integer", "boolean", "date", "dateTime", "period", "json", "textList", "document", "choice", "yesNo", "Text", "string", "", "ghost"];
        var type = types[_random.Next(types.Length)];
        slot.Set(JsonValue.Create(type));
        return $"data-type {slot.Path} = {Describe(type)}";
    }

    private string Truncate(string text)
    {
        var at = _random.Next(text.Length);
        // A request body is decoded UTF-8, so it never holds half a surrogate pair: keep the cut on a whole character.
        if (at > 0 && char.IsLowSurrogate(text[at])) at--;
        _mutations.Add($"truncate at character {at} of {text.Length}");
        return text[..at];
    }

    private (JsonNode? Value, string Description) OddValue()
    {
        string[] raws =
        [
            "null", "true", "false", "0", "-1", "1.5", "-0.0001", "2147483648", "-2147483649", "9223372036854775808", "1e308", "1e400", "-1e400",
            "123456789012345678901234567890", "\"\"", "\" \"", "\"x\"", "\"\\u0000\\u0007\\u001f\"", "\"\\ud800\"", "\"🏠 é \u202e RTL \uFEFF\"",
            "\"2026-02-30\"", "\"2026-01-01T00:00:00\"", "[]", "{}", "[null]", "[1, \"a\", {}]", "{\"$parameter\": \"ghost\"}", "{\"$variable\": \"ghost\"}",
            "{\"$variable\": \"ghost\", \"path\": \"\"}", "{\"$parameter\": 1}", "{\"value\": 28, \"unit\": \"calendarDays\"}",
        ];
        var pick = _random.Next(raws.Length + 1);
        if (pick == raws.Length) return (JsonValue.Create(new string('x', 20_000)), "a 20,000-character string");
        return (Raw(raws[pick]), raws[pick]);
    }

    private string UnknownName()
    {
        string[] names = ["ghost", $"ghost{_random.Next(1000)}", "", " ", "Start", "a.b", "名前", "x y", "null", new('n', 300), "\u0000"];
        return names[_random.Next(names.Length)];
    }

    /// <summary>A string value held under <paramref name="name"/> somewhere in the tree, e.g. an existing activity id.</summary>
    private string? PickString(string name)
    {
        var slot = Pick(Slots().Where(s => s.Name == name && s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String));
        return slot?.Value!.GetValue<string>();
    }

    /// <summary>
    /// A value written into the text as it is, after rendering: JSON the tree cannot hold (1e400, 100,000 levels of
    /// nesting, an escaped lone surrogate, repeated members).
    /// </summary>
    /// <param name="shape">What stands in the mutant's shape (see <see cref="Mutant.Shape"/>), when not the same.</param>
    private JsonNode Raw(string json, string? shape = null)
    {
        _raw.Add((json, shape ?? json));
        return JsonValue.Create(RawMarker(_raw.Count - 1));
    }

    private static string RawMarker(int index) => $"@@raw-{index}@@";

    private (string Text, string Shape) Render()
    {
        var text = _root.ToJsonString(Rendering);
        var shape = text;
        for (var i = 0; i < _raw.Count; i++)
        {
            text = text.Replace($"\"{RawMarker(i)}\"", _raw[i].Json, StringComparison.Ordinal);
            shape = shape.Replace($"\"{RawMarker(i)}\"", _raw[i].Shape, StringComparison.Ordinal);
        }
        return (text, shape);
    }

    private T? Pick<T>(IEnumerable<T> candidates) where T : class
    {
        var list = candidates as IList<T> ?? candidates.ToList();
        return list.Count == 0 ? null : list[_random.Next(list.Count)];
    }

    private static bool IsUnder(Slot slot, params string[] names) => names.Any(name => slot.Ancestors.Contains($"/{name}/", StringComparison.Ordinal));

    private bool IsAttached(JsonNode node) => ReferenceEquals(node.Root, _root);

    private static string Describe(string value) => Shorten(JsonSerializer.Serialize(value, Rendering));

    /// <summary>A value as the mutant's text has it (a raw value rather than its marker), shortened when long.</summary>
    private string Describe(JsonNode? value)
    {
        var json = value?.ToJsonString(Rendering) ?? "null";
        for (var i = 0; i < _raw.Count; i++) json = json.Replace($"\"{RawMarker(i)}\"", _raw[i].Json, StringComparison.Ordinal);
        return Shorten(json);
    }

    private static string Shorten(string json) => json.Length > 60 ? $"{json[..40]}… ({json.Length} characters)" : json;

    private IEnumerable<JsonNode> Nodes() => Slots().Select(s => s.Value).Where(v => v is JsonObject or JsonArray).Prepend(_root)!;

    private List<Slot> Slots() => Walk(_root).ToList();

    /// <summary>Every place in a tree, found without recursion (a mutant may nest deeply).</summary>
    private static IEnumerable<Slot> Walk(JsonNode root)
    {
        var stack = new Stack<(JsonNode Node, string Ancestors)>([(root, "/")]);
        while (stack.TryPop(out var entry))
        {
            var (node, ancestors) = entry;
            if (node is JsonObject o)
            {
                foreach (var (name, value) in o)
                {
                    yield return new Slot(o, name, -1, value, ancestors);
                    if (value is JsonObject or JsonArray) stack.Push((value, $"{ancestors}{name}/"));
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    yield return new Slot(a, null, i, a[i], ancestors);
                    if (a[i] is JsonObject or JsonArray) stack.Push((a[i]!, ancestors));
                }
            }
        }
    }

    /// <summary>
    /// A place in the tree that holds a value (possibly JSON null): a member of an object or an element of an array.
    /// <paramref name="Ancestors"/> names the members on the way from the root, e.g. <c>/activities/inputs/</c>.
    /// </summary>
    private sealed record Slot(JsonNode Parent, string? Name, int Index, JsonNode? Value, string Ancestors)
    {
        // From the parent, which a mutation of this place leaves where it was, so the path reads the same after it.
        public string Path => Name is null ? $"{Parent.GetPath()}[{Index}]" : JsonPath.Member(Parent.GetPath(), Name);

        public void Set(JsonNode? value)
        {
            if (Name is not null) ((JsonObject)Parent)[Name] = value;
            else ((JsonArray)Parent)[Index] = value;
        }
    }
}
