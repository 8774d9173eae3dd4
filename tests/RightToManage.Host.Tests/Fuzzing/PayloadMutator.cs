using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// Turns a valid request into a hostile one: one to three mutations drawn from the request's seed, anywhere in the
/// body (every value, every object), in its bytes, its Content-Type, its route id, its query and its If-Match header.
/// Values that JSON cannot hold as a node (bad bytes, deep nesting, broken syntax) go in as placeholders that are
/// swapped for their raw bytes after the body is written.
/// </summary>
internal sealed partial class PayloadMutator
{
    /// <summary>Every kind of mutation, by the name failures report.</summary>
    public static readonly string[] Kinds =
    [
        "wrong-kind", "missing", "unknown-field", "null", "huge-string", "huge-number", "deep-nesting", "malformed", "truncated", "garbage-bytes",
        "invalid-utf8", "bad-escape", "body-shape", "content-type", "duplicate-key", "array-for-object", "invalid-date", "unknown-value",
        "wrong-id-shape", "route-id", "if-match", "query",
    ];

    private static readonly JsonSerializerOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;
    private readonly SeedRequest _seed;
    private readonly Dictionary<string, byte[]> _raw = [];
    private readonly Dictionary<string, string> _headers;
    private readonly List<string> _done = [];
    private readonly List<Func<byte[], byte[]>> _afterWriting = [];
    private JsonNode? _body;
    private bool _hasBody;
    private string _path;
    private string? _contentType = "application/json";

    private PayloadMutator(SeedRequest seed, int requestSeed)
    {
        _random = new Random(requestSeed);
        _seed = seed;
        _body = seed.Body?.DeepClone();
        _hasBody = seed.Body is not null;
        _path = seed.Path;
        _headers = new Dictionary<string, string>(seed.Headers);
    }

    /// <summary>The seed with one to three mutations (mostly one, so that what a failure names is what caused it).</summary>
    public static FuzzRequest Mutate(string target, SeedRequest seed, int requestSeed)
    {
        var mutator = new PayloadMutator(seed, requestSeed);
        var roll = mutator._random.NextDouble();
        var count = roll < 0.65 ? 1 : roll < 0.9 ? 2 : 3;
        var kinds = Kinds.Where(mutator.Applies).ToArray();
        for (var i = 0; i < count; i++) mutator.Apply(mutator.Pick(kinds));
        return mutator.Build(target, requestSeed);
    }

    /// <summary>The seed as it is: the control that shows the seed is valid, so that refusing its mutations means something.</summary>
    public static FuzzRequest Unmutated(string target, SeedRequest seed) => new PayloadMutator(seed, 0).Build(target, 0);

    private bool Applies(string kind) => kind switch
    {
        "route-id" => _seed.RouteId is not null,
        "if-match" => _seed.TakesIfMatch,
        "query" => _seed.Query.Count > 0,
        _ => true,
    };

    private void Apply(string kind)
    {
        switch (kind)
        {
            case "wrong-kind":
                Raw(kind, Spot(), Pick(HostileValues.Kinds));
                break;
            case "missing":
                var gone = Spot(s => s.Parent is JsonObject);
                Remove(gone);
                _done.Add($"missing {gone.Path}");
                break;
            case "unknown-field":
                var target = Spot(s => s.Value is JsonObject);
                var name = Pick(HostileValues.UnknownNames);
                if (target.Value is JsonObject o)
                {
                    while (o.ContainsKey(name)) name += "x";
                    o[name] = Placeholder(HostileValues.Utf8(Pick(HostileValues.Kinds)));
                    _done.Add($"unknown-field {target.Path}.{Short(name)}");
                }
                else Raw(kind, target, "{\"colour\": \"red\"}");
                break;
            case "null":
                var spot = Spot();
                Replace(spot, null);
                _done.Add($"null {spot.Path}");
                break;
            case "huge-string":
                var room = HostileValues.BodyLimit - Write().Length - 200;
                var length = Pick(new[] { HostileValues.BodyLimit + 1, room > 0 ? room : 100_000, 100_000, 5001, 2001, 257, 201, 101, 65 });
                Raw($"huge-string({length})", Spot(), $"\"{HostileValues.Text(length)}\"");
                break;
            case "huge-number":
                Raw(kind, Spot(), Pick(HostileValues.HugeNumbers));
                break;
            case "deep-nesting":
                var depth = Pick(new[] { 65, 1000, 10_000 });
                var nested = _random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                Raw($"deep-nesting({depth})", Spot(), nested);
                break;
            case "malformed":
                Raw(kind, Spot(), Pick(HostileValues.Malformed));
                break;
            case "truncated":
                _afterWriting.Add(bytes => bytes.Length == 0 ? bytes : bytes[..NoteCut(bytes.Length)]);
                break;
            case "garbage-bytes":
                var garbage = new byte[_random.Next(1, 5)];
                _random.NextBytes(garbage);
                _afterWriting.Add(bytes =>
                {
                    var at = _random.Next(bytes.Length + 1);
                    _done.Add($"garbage-bytes at {at}: {Convert.ToHexString(garbage)}");
                    return [.. bytes[..at], .. garbage, .. bytes[at..]];
                });
                break;
            case "invalid-utf8":
                var bad = Pick(HostileValues.InvalidUtf8);
                Raw($"invalid-utf8({Convert.ToHexString(bad)})", Spot(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String),
                    [(byte)'"', (byte)'a', .. bad, (byte)'b', (byte)'"']);
                break;
            case "bad-escape":
                var escape = Pick(HostileValues.BadEscapes);
                if (_random.Next(2) == 0) Raw($"bad-escape {escape}", Spot(s => s.Value is JsonValue), escape);
                else AddProperty($"bad-escape name {escape}", escape, Pick(HostileValues.Kinds));
                break;
            case "body-shape":
                var shape = _random.Next(13);
                _afterWriting.Insert(0, bytes => shape switch
                {
                    0 => [],
                    1 => " \n\t"u8.ToArray(),
                    2 => "null"u8.ToArray(),
                    3 => "[]"u8.ToArray(),
                    4 => "0"u8.ToArray(),
                    5 => "\"text\""u8.ToArray(),
                    6 => "{}"u8.ToArray(),
                    7 => [(byte)'[', .. bytes, (byte)']'],
                    8 => [0xEF, 0xBB, 0xBF, .. bytes],
                    9 => [.. bytes, .. " x"u8],
                    10 => [.. bytes, .. bytes],
                    11 => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes)),
                    _ => [.. "\n\n"u8, .. bytes, .. "\n"u8],
                });
                _done.Add($"body-shape {shape}");
                break;
            case "content-type":
                _contentType = Pick(HostileValues.ContentTypes);
                _done.Add($"content-type {_contentType ?? "(none)"}");
                break;
            case "duplicate-key":
                DuplicateKey();
                break;
            case "array-for-object":
                var wrapped = Spot(s => s.Value is JsonObject);
                Replace(wrapped, new JsonArray(wrapped.Value?.DeepClone()));
                _done.Add($"array-for-object {wrapped.Path}");
                break;
            case "invalid-date":
                Raw(kind, Spot(s => IsString(s, DatePattern())), JsonSerializer.Serialize(Pick(HostileValues.InvalidDates)));
                break;
            case "unknown-value":
                var known = Spot(s => IsString(s, AnyText()));
                var text = known.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "value";
                var variant = Pick(new[] { text.ToUpperInvariant(), text + " ", " " + text, "unknown-" + text, text + "\u200b", text[..(text.Length / 2)], text + text, "" });
                Raw(kind, known, JsonSerializer.Serialize(variant, Writing));
                break;
            case "wrong-id-shape":
                var id = Spot(s => IsString(s, GuidPattern()));
                var real = id.Value is JsonValue g && Guid.TryParse(g.GetValueKind() == JsonValueKind.String ? g.GetValue<string>() : "", out var parsed) ? parsed : Guid.NewGuid();
                Raw(kind, id, JsonSerializer.Serialize(Pick(HostileValues.WrongGuids(real))));
                break;
            case "route-id":
                var routeId = Pick(HostileValues.RouteIds);
                var at = _path.IndexOf(_seed.RouteId!, StringComparison.Ordinal);
                if (at < 0) break; // replaced already
                _path = string.Concat(_path.AsSpan(0, at), routeId, _path.AsSpan(at + _seed.RouteId!.Length));
                _done.Add($"route-id {Short(routeId)}");
                break;
            case "if-match":
                _headers["If-Match"] = Pick(HostileValues.IfMatch);
                _done.Add($"if-match {Short(_headers["If-Match"])}");
                break;
            case "query":
                var parameter = Pick(_seed.Query.ToArray());
                var given = Pick(HostileValues.QueryValues);
                _path += $"{(_path.Contains('?') ? '&' : '?')}{parameter}={given}";
                _done.Add($"query {parameter}={Short(given)}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private void DuplicateKey()
    {
        var owner = Spot(s => s.Value is JsonObject { Count: > 0 });
        if (owner.Value is not JsonObject o || o.Count == 0)
        {
            AddProperty("duplicate-key (no object)", "\"id\"", "1");
            return;
        }
        var (name, original) = o.ElementAt(_random.Next(o.Count));
        var token = $"@@FUZZ{_raw.Count}@@";
        _raw[token] = HostileValues.Utf8(JsonSerializer.Serialize(name, Writing));
        var second = _random.Next(2) == 0 ? original?.DeepClone() : Placeholder(HostileValues.Utf8(Pick(HostileValues.Kinds)));
        if (_random.Next(2) == 0)
        {
            // The duplicate comes last: a parser that keeps the last value sees the mutated one.
            o[token] = second;
        }
        else
        {
            o.Remove(name);
            o[token] = second;
            o[name] = original;
        }
        _done.Add($"duplicate-key {owner.Path}.{Short(name)}");
    }

    private void AddProperty(string label, string rawName, string rawValue)
    {
        var owner = Spot(s => s.Value is JsonObject);
        if (owner.Value is not JsonObject o)
        {
            Raw(label, owner, $"{{{rawName}: {rawValue}}}");
            return;
        }
        var token = $"@@FUZZ{_raw.Count}@@";
        _raw[token] = HostileValues.Utf8(rawName);
        o[token] = Placeholder(HostileValues.Utf8(rawValue));
        _done.Add($"{label} at {owner.Path}");
    }

    private FuzzRequest Build(string target, int requestSeed)
    {
        byte[]? body = _hasBody || _afterWriting.Count > 0 ? Write() : null;
        foreach (var change in _afterWriting) body = change(body ?? []);
        return new FuzzRequest(target, requestSeed, _path, body, body is null ? null : _contentType, _headers, _done);
    }

    /// <summary>The body as UTF-8, with every placeholder swapped for its raw bytes.</summary>
    private byte[] Write()
    {
        if (!_hasBody) return [];
        var bytes = Encoding.UTF8.GetBytes(_body?.ToJsonString(Writing) ?? "null");
        foreach (var (token, raw) in _raw)
        {
            var quoted = Encoding.UTF8.GetBytes($"\"{token}\"");
            var at = bytes.AsSpan().IndexOf(quoted);
            if (at >= 0) bytes = [.. bytes[..at], .. raw, .. bytes[(at + quoted.Length)..]];
        }
        return bytes;
    }

    private int NoteCut(int length)
    {
        var cut = _random.Next(length);
        _done.Add($"truncated at {cut} of {length}");
        return cut;
    }

    private void Raw(string label, Place spot, string json) => Raw(label, spot, HostileValues.Utf8(json));

    private void Raw(string label, Place spot, byte[] raw)
    {
        Replace(spot, Placeholder(raw));
        _done.Add($"{label} {spot.Path} = {Short(Encoding.UTF8.GetString(raw))}");
    }

    private JsonNode Placeholder(byte[] raw)
    {
        var token = $"@@FUZZ{_raw.Count}@@";
        _raw[token] = raw;
        return JsonValue.Create(token);
    }

    private void Replace(Place spot, JsonNode? value)
    {
        switch (spot.Parent)
        {
            case JsonObject o: o[spot.Name!] = value; break;
            case JsonArray a: a[spot.Index] = value; break;
            default: _body = value; _hasBody = true; break;
        }
    }

    private void Remove(Place spot)
    {
        switch (spot.Parent)
        {
            case JsonObject o: o.Remove(spot.Name!); break;
            case JsonArray a: a.RemoveAt(spot.Index); break;
            default: _body = null; _hasBody = false; break;
        }
    }

    /// <summary>A place in the body: the root, a property or an array item.</summary>
    private sealed record Place(string Path, JsonNode? Parent, string? Name, int Index, JsonNode? Value);

    /// <summary>A random place that matches, or any place when none does.</summary>
    private Place Spot(Func<Place, bool>? matching = null)
    {
        var all = new List<Place>();
        Walk(new Place("$", null, null, -1, _body), all);
        var fitting = matching is null ? all : all.Where(matching).ToList();
        return Pick((fitting.Count > 0 ? fitting : all).ToArray());
    }

    private static void Walk(Place spot, List<Place> into)
    {
        into.Add(spot);
        switch (spot.Value)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList()) Walk(new Place($"{spot.Path}.{name}", o, name, -1, value), into);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(new Place($"{spot.Path}[{i}]", a, null, i, a[i]), into);
                break;
        }
    }

    private static bool IsString(Place spot, Regex pattern) =>
        spot.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && pattern.IsMatch(v.GetValue<string>());

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Short(string text) => FuzzRequest.Truncate(text, 60);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9-]*$")]
    private static partial Regex AnyText();
}
