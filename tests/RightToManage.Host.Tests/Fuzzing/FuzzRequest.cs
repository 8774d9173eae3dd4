using System.Text;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>One request as sent: a seed after its mutations, named so that a failure says what was done to it.</summary>
internal sealed record FuzzRequest(string Target, int Seed, string Path, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Mutations)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>What to print when the request fails: its seed, mutations, headers and the start of its body.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Target} seed {Seed}: {string.Join(" + ", Mutations.DefaultIfEmpty("(unmutated)"))}");
        text.AppendLine($"  POST {Truncate(Path, 300)}");
        if (ContentType is not null) text.AppendLine($"  Content-Type: {ContentType}");
        foreach (var (name, value) in Headers) text.AppendLine($"  {name}: {Truncate(value, 200)}");
        text.Append(Body is null ? "  (no body)" : $"  body ({Body.Length} bytes): {Truncate(Encoding.UTF8.GetString(Body), 600)}");
        return text.ToString();
    }

    public static string Truncate(string text, int length) => text.Length <= length ? text : $"{text[..length]}… ({text.Length} chars)";
}
