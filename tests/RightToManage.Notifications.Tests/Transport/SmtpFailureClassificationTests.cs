using System.Net;
using System.Net.Sockets;
using RightToManage.Notifications.Transport;

namespace RightToManage.Notifications.Tests.Transport;

/// <summary>Which failures a caller may retry: what System.Net.Mail really throws for each SMTP reply, classified.</summary>
public sealed class SmtpFailureClassificationTests
{
    private static SmtpMailTransport Transport(int port, TimeSpan? timeout = null) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = port, StartTls = false, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    private static MailEnvelope ToOne(string email) => Envelopes.Decision(to: [new MailRecipient("", email)]);

    [Theory]
    [InlineData("550 5.1.1 no such mailbox", true)]
    [InlineData("553 5.1.3 mailbox name not allowed", true)]
    [InlineData("551 5.1.6 user not local", true)]
    [InlineData("450 4.2.1 mailbox busy, try later", false)]
    [InlineData("452 4.2.2 mailbox full", false)]
    public async Task A_rejected_recipient_is_named_and_classified_by_its_reply(string reply, bool permanent)
    {
        await using var server = new ScriptedSmtpServer(rcpt: line => line.Contains("gone@", StringComparison.Ordinal) ? reply : "250 2.1.5 ok");

        var failure = await Transport(server.Port).Invoking(t => t.SendAsync(ToOne("gone@tenants.example"), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().Be(permanent);
        failure.Which.Message.Should().Contain("gone@tenants.example");
    }

    [Fact]
    public async Task Several_rejected_recipients_are_all_named()
    {
        await using var server = new ScriptedSmtpServer(rcpt: line => line.Contains("gone", StringComparison.Ordinal) ? "550 5.1.1 no such mailbox" : "250 2.1.5 ok");
        var envelope = Envelopes.Decision(to: [new MailRecipient("", "gone1@tenants.example"), new MailRecipient("", "gone2@tenants.example")]);

        var failure = await Transport(server.Port).Invoking(t => t.SendAsync(envelope, CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeTrue();
        failure.Which.Message.Should().Contain("gone1@tenants.example").And.Contain("gone2@tenants.example");
    }

    [Theory]
    [InlineData("554 5.7.1 message refused", true)]
    [InlineData("552 5.3.4 message too big", true)]
    [InlineData("451 4.3.0 local error, try later", false)]
    public async Task A_refused_message_is_classified_by_its_reply(string reply, bool permanent)
    {
        await using var server = new ScriptedSmtpServer(afterData: reply);

        var failure = await Transport(server.Port).Invoking(t => t.SendAsync(Envelopes.Decision(), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().Be(permanent);
    }

    [Fact]
    public async Task A_server_closing_with_421_is_transient()
    {
        await using var server = new ScriptedSmtpServer(greeting: "421 4.3.2 service shutting down");

        var failure = await Transport(server.Port).Invoking(t => t.SendAsync(Envelopes.Decision(), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        var failure = await Transport(ClosedPort()).Invoking(t => t.SendAsync(Envelopes.Decision(), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeFalse();
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_transient()
    {
        await using var server = new ScriptedSmtpServer(greeting: null);
        var started = DateTime.UtcNow;

        var failure = await Transport(server.Port, TimeSpan.FromSeconds(1)).Invoking(t => t.SendAsync(Envelopes.Decision(), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeFalse();
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Cancellation_propagates_and_is_not_a_delivery_failure()
    {
        await using var server = new ScriptedSmtpServer(greeting: null);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Transport(server.Port).Invoking(t => t.SendAsync(Envelopes.Decision(), cancel.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("two@@at.example")]
    public async Task A_malformed_address_is_permanent_without_contacting_the_server(string email)
    {
        var failure = await Transport(ClosedPort()).Invoking(t => t.SendAsync(ToOne(email), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeTrue();
        failure.Which.InnerException.Should().BeOfType<FormatException>();
    }

    [Theory]
    [InlineData("<already@bracketed>")]
    [InlineData("no-at-sign")]
    [InlineData("has space@rtm.example")]
    public async Task A_malformed_message_id_is_permanent(string messageId)
    {
        var failure = await Transport(ClosedPort()).Invoking(t => t.SendAsync(Envelopes.Decision(messageId), CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeTrue();
    }

    [Theory]
    [InlineData("Subject", "other")]
    [InlineData("Message-ID", "<other@rtm.example>")]
    [InlineData("X-RTM-Case", "line\r\nBcc: someone@else.example")]
    public async Task Extra_headers_cannot_replace_managed_ones_or_inject_lines(string name, string value)
    {
        var envelope = Envelopes.Decision() with { Headers = new Dictionary<string, string> { [name] = value } };

        var failure = await Transport(ClosedPort()).Invoking(t => t.SendAsync(envelope, CancellationToken.None))
            .Should().ThrowAsync<MailDeliveryException>();

        failure.Which.IsPermanent.Should().BeTrue();
    }

    [Fact]
    public void Describe_names_the_server_and_tls_mode()
    {
        new SmtpMailTransport(new SmtpOptions { Host = "mail.example" }).Describe().Should().Be("SMTP mail.example:587 (STARTTLS)");
        new SmtpMailTransport(new SmtpOptions { Host = "mail.example", Port = 25, StartTls = false, UserName = "u", Password = "secret" })
            .Describe().Should().Be("SMTP mail.example:25 (no TLS)");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
