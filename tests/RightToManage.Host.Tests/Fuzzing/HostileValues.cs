using System.Text;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// The values the fuzzer puts where a good one was, as raw JSON text (or raw bytes, where the point is that they are
/// not valid UTF-8 or not valid JSON). Lengths sit at the limits the API states: 100, 200, 2000, 5000 characters, 1 MiB.
/// </summary>
internal static class HostileValues
{
    public const int BodyLimit = 1024 * 1024;

    /// <summary>One of each JSON kind, and the near kinds (a number as text, a list of one).</summary>
    public static readonly string[] Kinds =
        ["\"x\"", "\"\"", "1", "0", "-1", "1.5", "true", "false", "null", "[]", "{}", "[\"a\"]", "{\"a\": 1}", "[{}]", "\"1\"", "\"true\""];

    public static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "1E+1000000", "123456789012345678901234567890123456789", "9223372036854775808",
        "-9223372036854775809", "2147483648", "-2147483649", "4294967296", "1.0000000000000000000000000001", "4.9e-324", "-0", "0.0",
        "79228162514264337593543950336", new string('9', 10_000),
    ];

    /// <summary>Not JSON at all, or JSON only to a lenient parser.</summary>
    public static readonly string[] Malformed =
    [
        "NaN", "Infinity", "-Infinity", "'single'", "[1,]", "{\"a\": 1,}", "01", "tru", "nul", "\"unterminated", "/* comment */ 1", "0x10", "+1",
        ".5", "1.", "{\"a\" 1}", "[1 2]", "{a: 1}", "\"\\x41\"", "\"\\u12\"", "\"tab\there\"", "\"line\nbreak\"", "undefined", "{\"a\": }", "]", "}",
    ];

    /// <summary>Strings valid as JSON whose characters are not: NUL, lone surrogates, controls, non-characters.</summary>
    public static readonly string[] BadEscapes =
    [
        "\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\ud800\"", "\"x\\udbff\"", "\"\\u0001\\u001f\\u007f\"",
        "\"\\ufeff\"", "\"\\uffff\"", "\"\\ufffe\"", "\"\u202egnp.exe\"", "\"\\u2028\\u2029\"", "\"a\\r\\nBcc: x@example.com\"",
    ];

    /// <summary>Byte sequences that are not UTF-8: put inside a string, around <c>a</c> and <c>b</c>.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    public static readonly string[] InvalidDates =
    [
        "2026-02-30", "tomorrow", "2026-13-01", "2026-00-10", "2026-02-00", "2026-2-3", "20260203", "2026-02-03T10:00:00Z", "03/02/2026",
        "-2026-01-01", "0000-01-01", "2026-02-29", "2026-02-03 ", " 2026-02-03", "2026\u201002\u201003", "\u0662\u0660\u0662\u0666-\u0660\u0662-\u0660\u0663", "",
        // Real dates at the ends of the calendar: deadlines computed from them must not overflow.
        "0001-01-01", "9999-12-31", "2028-02-29",
    ];

    /// <summary>Ids of the wrong shape for a GUID; the last ones are GUIDs that name nothing.</summary>
    public static string[] WrongGuids(Guid real) =>
    [
        "123", $"{{{real}}}", real.ToString("N"), real.ToString()[..35], real + "x", real.ToString().ToUpperInvariant(), "00000000-0000-0000-0000-00000000000G",
        $"({real})", " " + real, Guid.Empty.ToString(), Guid.NewGuid().ToString(),
    ];

    /// <summary>
    /// Route ids of the wrong shape, and very long ones. Not %00: a path that decodes to NUL never reaches the API
    /// (Kestrel refuses the request line itself, and the in-process test server will not build it).
    /// </summary>
    public static readonly string[] RouteIds =
    [
        "not-an-id", "..%2F..", "%2e%2e", "%E2%80%AE", "%FF", "%C3%28", "a%20b", "'%20OR%201=1--", new string('a', 65), new string('7', 5000), new string('x', 100_000),
        Guid.Empty.ToString(), "%7B%7D", "null",
    ];

    /// <summary>If-Match values the API must refuse or find matching nothing: lists, stars, weak tags, non-hex, empty, huge.</summary>
    public static readonly string[] IfMatch =
    [
        "*", "W/\"abc\"", "\"\"", "\"", "\"abc", "\"zz\"", "\"a\", \"b\"", "abc, def", "\"é\"", "\" abc \"", new string('a', 64), $"\"{new string('f', 100_000)}\"",
        "\"0\"", "\"\\u0000\"", "null",
    ];

    public static readonly string?[] ContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=latin1", "APPLICATION/JSON", "", "*/*", ";;;", "application/problem+json", "application/jsonx", "text/json",
    ];

    public static readonly string[] QueryValues = ["two", "-1", "0", "99999999999", "1.5", "", "1e3", "0x1", "%00", "1&version=2", new string('9', 5000)];

    /// <summary>Names no request has: typos, prototype pollution, JSON-path look-alikes, case variants.</summary>
    public static readonly string[] UnknownNames =
        ["colour", "$type", "__proto__", "constructor", "", " ", "a.b", "$.x", "\u00e9", "data ", "Outcome", "DEFINITIONID", "$ref", new string('n', 300)];

    /// <summary>A string of exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length) => new('a', length);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
