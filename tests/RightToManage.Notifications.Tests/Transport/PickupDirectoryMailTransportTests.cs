using System.Text;
using System.Text.RegularExpressions;
using RightToManage.Notifications.Transport;

namespace RightToManage.Notifications.Tests.Transport;

/// <summary>The default transport with no SMTP server: .eml files a person can open.</summary>
public sealed class PickupDirectoryMailTransportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rtm-pickup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Writes_one_eml_named_after_the_message_id_in_a_directory_it_creates()
    {
        var directory = Path.Combine(_root, "data", "mail");
        var envelope = Envelopes.Decision("0193a7c4-decision@rtm.example");

        await new PickupDirectoryMailTransport(directory).SendAsync(envelope, CancellationToken.None);

        var file = Directory.GetFiles(directory).Should().ContainSingle().Which;
        Path.GetFileName(file).Should().Be("0193a7c4-decision.eml");
        var headers = Headers(await File.ReadAllTextAsync(file));
        headers["Subject"].Should().Be("Décision — £5");
        headers["Message-ID"].Should().Be("<0193a7c4-decision@rtm.example>");
        headers["X-RTM-Case"].Should().Be("case-0042");
        headers["To"].Should().Contain("Siân Jones").And.Contain("Sian.Jones@tenants.example");
        headers["Content-Type"].Should().StartWith("multipart/alternative");
        NoStagingLeftIn(directory);
    }

    [Fact]
    public async Task Writing_the_same_message_twice_leaves_one_file()
    {
        var transport = new PickupDirectoryMailTransport(_root);
        var envelope = Envelopes.Decision();

        await transport.SendAsync(envelope, CancellationToken.None);
        await transport.SendAsync(envelope with { Subject = "Second attempt" }, CancellationToken.None);

        var file = Directory.GetFiles(_root).Should().ContainSingle().Which;
        Headers(await File.ReadAllTextAsync(file))["Subject"].Should().Be("Second attempt");
        NoStagingLeftIn(_root);
    }

    [Fact]
    public async Task Different_messages_get_different_files()
    {
        var transport = new PickupDirectoryMailTransport(_root);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => transport.SendAsync(Envelopes.Decision(), CancellationToken.None)));

        Directory.GetFiles(_root, "*.eml").Should().HaveCount(8);
        NoStagingLeftIn(_root);
    }

    [Fact]
    public async Task A_message_id_cannot_write_outside_the_directory()
    {
        var directory = Path.Combine(_root, "mail");

        await new PickupDirectoryMailTransport(directory).SendAsync(Envelopes.Decision("../../escape@rtm.example"), CancellationToken.None);

        Path.GetFileName(Directory.GetFiles(directory).Should().ContainSingle().Which).Should().Be("_._.._escape.eml");
        Directory.GetFiles(_root).Should().BeEmpty();
    }

    [Fact]
    public async Task Plain_text_without_html()
    {
        await new PickupDirectoryMailTransport(_root).SendAsync(Envelopes.Decision() with { Html = null }, CancellationToken.None);

        var headers = Headers(await File.ReadAllTextAsync(Directory.GetFiles(_root).Single()));
        headers["Content-Type"].Should().StartWith("text/plain").And.Contain("utf-8");
    }

    [Fact]
    public void Describe_names_the_full_path()
    {
        new PickupDirectoryMailTransport(_root).Describe().Should().Be($"files under {_root}");
    }

    private static void NoStagingLeftIn(string directory)
    {
        var staging = Path.Combine(directory, ".tmp");
        if (Directory.Exists(staging)) Directory.GetFileSystemEntries(staging).Should().BeEmpty();
        Directory.GetDirectories(directory).Select(d => Path.GetFileName(d)).Should().BeSubsetOf([".tmp"]);
    }

    /// <summary>The message's top-level headers, unfolded, with RFC 2047 encoded words decoded.</summary>
    private static Dictionary<string, string> Headers(string eml)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var line in eml.Split("\r\n"))
        {
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t' && name is not null)
            {
                headers[name] += line;
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            name = line[..colon];
            headers[name] = line[(colon + 1)..].TrimStart();
        }
        return headers.ToDictionary(h => h.Key, h => Decode(h.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static string Decode(string value)
    {
        // Whitespace between two encoded words is folding, not content (RFC 2047 section 6.2).
        var joined = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return Regex.Replace(joined, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", match =>
        {
            var encoding = Encoding.GetEncoding(match.Groups[1].Value);
            var text = match.Groups[3].Value;
            var bytes = match.Groups[2].Value is "B" or "b" ? Convert.FromBase64String(text) : QuotedPrintable(text);
            return encoding.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
            }
        }
        return [.. bytes];
    }
}
