using RightToManage.Notifications.Transport;
using RightToManage.Tests.Shared;

namespace RightToManage.Notifications.Tests.Transport;

/// <summary>The SMTP transport against a real server (maildev).</summary>
public sealed class SmtpMailTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static SmtpMailTransport Transport(int port) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port, StartTls = false, Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task Delivers_recipients_with_names_a_non_ascii_subject_both_parts_the_message_id_and_extra_headers()
    {
        await using var server = await MailDevServer.StartAsync();
        var envelope = Envelopes.Decision();

        await Transport(server.SmtpPort).SendAsync(envelope, CancellationToken.None);

        var received = (await server.WaitForMessagesAsync(1, Wait)).Should().ContainSingle().Which;
        received.Subject.Should().Be("Décision — £5");
        received.From.Should().Be("notices@council.example");
        received.To.Should().Equal("sian.jones@tenants.example", "secretary@tenants.example");
        received.Cc.Should().Equal("officer@council.example");
        received.Headers["From"].Should().Contain("Conseil de Test");
        received.Headers["To"].Should().Contain("Siân Jones");
        received.Headers["Cc"].Should().Contain("Housing Officer");
        received.Text.Should().Contain("Fee: £5 — payable within 28 days.");
        received.Html.Should().Contain("<strong>decided</strong>").And.Contain("£5 —");
        received.MessageId.Should().Be($"<{envelope.MessageId}>");
        received.Headers["X-RTM-Case"].Should().Be("case-0042");
    }

    [Fact]
    public async Task Plain_text_only_when_there_is_no_html()
    {
        await using var server = await MailDevServer.StartAsync();
        var envelope = Envelopes.Decision() with { Html = null };

        await Transport(server.SmtpPort).SendAsync(envelope, CancellationToken.None);

        var received = (await server.WaitForMessagesAsync(1, Wait)).Should().ContainSingle().Which;
        received.Html.Should().BeNull();
        received.Text.Should().Contain("Fee: £5");
    }

    [Fact]
    public async Task A_stopped_server_is_a_transient_failure_and_the_same_message_goes_through_after_a_restart()
    {
        await using var server = await MailDevServer.StartAsync();
        var transport = Transport(server.SmtpPort);
        var envelope = Envelopes.Decision();
        await server.StopAsync();

        var failure = await transport.Invoking(t => t.SendAsync(envelope, CancellationToken.None)).Should().ThrowAsync<MailDeliveryException>();
        failure.Which.IsPermanent.Should().BeFalse();
        failure.Which.Message.Should().Contain($"127.0.0.1:{server.SmtpPort}");

        await server.RestartAsync();
        await transport.SendAsync(envelope, CancellationToken.None);

        var received = (await server.WaitForMessagesAsync(1, Wait)).Should().ContainSingle().Which;
        received.MessageId.Should().Be($"<{envelope.MessageId}>");
    }

    [Fact]
    public async Task The_wire_carries_our_message_id_once_and_both_parts_as_multipart_alternative()
    {
        // maildev's parser keeps one value per header and drops Content-Type, so the raw DATA is checked here.
        await using var server = new ScriptedSmtpServer();
        var envelope = Envelopes.Decision();

        await Transport(server.Port).SendAsync(envelope, CancellationToken.None);

        var raw = server.Messages.Should().ContainSingle().Which;
        var headerLines = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        headerLines.Where(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase)).Should().Equal($"Message-ID: <{envelope.MessageId}>");
        headerLines.Should().ContainSingle(l => l.StartsWith("Content-Type: multipart/alternative", StringComparison.OrdinalIgnoreCase));
        raw.Should().Contain("Content-Type: text/plain; charset=utf-8").And.Contain("Content-Type: text/html; charset=utf-8");
        raw.IndexOf("text/plain", StringComparison.Ordinal).Should().BeLessThan(raw.IndexOf("text/html", StringComparison.Ordinal), "the last part is the preferred one");
    }

    [Fact]
    public async Task Delete_all_empties_the_mailbox()
    {
        await using var server = await MailDevServer.StartAsync();
        await Transport(server.SmtpPort).SendAsync(Envelopes.Decision(), CancellationToken.None);
        await server.WaitForMessagesAsync(1, Wait);

        await server.DeleteAllAsync();

        (await server.GetMessagesAsync()).Should().BeEmpty();
    }
}
