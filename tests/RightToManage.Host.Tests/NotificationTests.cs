using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightToManage.Tests.Shared;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>Email through the real Host, its outbox and dispatcher, to a real SMTP server (maildev).</summary>
public class NotificationTests
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(45);

    internal static Dictionary<string, string> Smtp(MailDevServer mail) => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = mail.SmtpPort.ToString(),
        ["Notifications:Smtp:StartTls"] = "false",
        ["Notifications:FromAddress"] = "rtm@council.example",
        ["Notifications:FromName"] = "Council Right to Manage",
        ["Notifications:BaseUrl"] = "https://rtm.council.example",
        ["Notifications:Dispatch:InitialBackoff"] = "00:00:01",
        ["Notifications:Dispatch:MaxBackoff"] = "00:00:02",
        ["Notifications:Dispatch:PollInterval"] = "00:00:00.250",
    };

    internal static Dictionary<string, object[]> AllParties() => new()
    {
        ["tmo-secretary"] = [new { name = "Sam Secretary", email = "secretary@tmo.example" }],
        ["tmo-committee"] = [new { name = "Chris Chair", email = "chair@tmo.example" }, new { name = "Tia Treasurer", email = "treasurer@tmo.example" }],
        ["officer"] = [new { name = "Olu Officer", email = "officer@council.example" }],
        ["officer-manager"] = [new { name = "Mo Manager", email = "manager@council.example" }],
    };

    /// <summary>Starts a proposal-notice-decision case with these parties and records receipt on 20 Nov 2026.</summary>
    internal static async Task<Guid> StartReceivedAsync(HttpClient client, string reference, object parties)
    {
        var started = await client.PostAsJsonAsync("/api/cases", new { definitionId = "proposal-notice-decision", reference, parties, organisations = DecisionCases.Organisations });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/cases/{id}/events/proposal-notice-received", JsonContent.Create("2026-11-20"))).EnsureSuccessStatusCode();
        return id;
    }

    internal static async Task<JsonElement[]> DeliveryLogAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/notifications")).EnumerateArray().ToArray();

    internal static async Task<JsonElement[]> WaitForLogAsync(HttpClient client, Guid id, Func<JsonElement[], bool> done)
    {
        var log = await DeliveryLogAsync(client, id);
        for (var waited = 0; waited < 180 && !done(log); waited++)
        {
            await Task.Delay(250);
            log = await DeliveryLogAsync(client, id);
        }
        return log;
    }

    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task The_council_decision_is_emailed_to_the_tmo_with_its_content(string provider)
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var host = await HostFactory.CreateAsync(provider, settings: Smtp(mail));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartReceivedAsync(client, "RTM-2026-0042", AllParties());

        // Receipt moved the case from "Proposal notice" to "Council decision": the stage-changed rule tells the secretary.
        var stage = (await mail.WaitForMessagesAsync(1, MailWait)).Single();
        stage.Subject.Should().Be("RTM-2026-0042: the case has moved to Council decision");
        stage.To.Should().Equal("secretary@tmo.example");
        stage.From.Should().Be("rtm@council.example");
        stage.Text.Should().Contain("Dear Sam Secretary").And.Contain("Proposal notice").And.Contain($"https://rtm.council.example/cases/{id}");

        await DecisionCases.DecideAsync(await SignedIn.AsAsync(host, DemoSeed.LaOfficer), id, "accept");
        var received = await mail.WaitForMessagesAsync(2, MailWait);
        received.Should().HaveCount(2);
        var decided = received.Single(m => m.Subject == "RTM-2026-0042: the council has decided on your proposal notice");
        decided.To.Should().Equal("secretary@tmo.example");
        decided.Cc.Should().BeEquivalentTo("chair@tmo.example", "treasurer@tmo.example");
        decided.Text.Should().Contain("\"accept\"").And.Contain("regulation 11 of the Housing (Right to Manage) (England) Regulations 2012");
        decided.Html.Should().NotBeNull().And.Contain("accept");
        decided.Headers["X-RTM-Case"].Should().Be(id.ToString());

        var log = await WaitForLogAsync(client, id, l => l.Length == 2 && l.All(e => e.GetProperty("status").GetString() == "sent"));
        log.Select(e => e.GetProperty("status").GetString()).Should().Equal("sent", "sent");
        log.Select(e => e.GetProperty("template").GetString()).Should().Equal("stage-changed", "proposal-notice-decided");
        var entry = log[1];
        entry.GetProperty("activity").GetString().Should().Be("tellTmoAccepted");
        entry.GetProperty("attempts").GetInt32().Should().Be(1);
        entry.GetProperty("delivery").GetProperty("messageId").GetString().Should().Be(decided.MessageId);
        entry.GetProperty("delivery").GetProperty("to").EnumerateArray().Select(e => e.GetString()).Should().Equal("secretary@tmo.example");
        received.Select(m => m.MessageId).Should().OnlyHaveUniqueItems("each outbox row is sent once");
    }

    [Fact]
    public async Task Mail_queued_while_the_smtp_server_is_down_is_delivered_once_it_is_back()
    {
        await using var mail = await MailDevServer.StartAsync();
        await mail.StopAsync();
        await using var host = await HostFactory.CreateAsync(settings: Smtp(mail));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartReceivedAsync(client, "RTM-DOWN-1", AllParties());

        var failing = await WaitForLogAsync(client, id, l => l.Length == 1 && l[0].GetProperty("attempts").GetInt32() >= 2);
        failing.Should().ContainSingle();
        failing[0].GetProperty("status").GetString().Should().Be("pending", "a refused connection is transient");
        failing[0].GetProperty("lastError").GetString().Should().NotBeNullOrEmpty();

        await mail.RestartAsync();
        var received = await mail.WaitForMessagesAsync(1, MailWait);
        received.Should().ContainSingle().Which.Subject.Should().Be("RTM-DOWN-1: the case has moved to Council decision");
        var log = await WaitForLogAsync(client, id, l => l[0].GetProperty("status").GetString() == "sent");
        log[0].GetProperty("status").GetString().Should().Be("sent");
        await Task.Delay(1500);
        (await mail.GetMessagesAsync()).Should().ContainSingle("the message is not sent again once delivered");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/incidents")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Mail_committed_before_a_crash_is_delivered_once_by_the_restarted_host()
    {
        await using var mail = await MailDevServer.StartAsync();
        await mail.StopAsync();
        var connectionString = await TestDatabases.CreateConnectionStringAsync(TestDatabases.Postgres);
        var settings = Smtp(mail).Select(s => (s.Key, s.Value)).ToArray();
        Guid id;
        using (var first = await HostProcess.StartAsync(connectionString, TimeSpan.Zero, settings))
        {
            using var client = await first.CreateClientAsAsync(DemoSeed.Admin);
            id = await StartReceivedAsync(client, "RTM-CRASH-1", AllParties());
            using var officer = await first.CreateClientAsAsync(DemoSeed.LaOfficer);
            await DecisionCases.DecideAsync(officer, id, "refuse");
            var pending = await WaitForLogAsync(client, id, l => l.Length == 2 && l.All(e => e.GetProperty("attempts").GetInt32() >= 1));
            pending.Select(e => e.GetProperty("status").GetString()).Should().Equal("pending", "pending");
            first.Kill();
        }

        await mail.RestartAsync();
        using var second = await HostProcess.StartAsync(connectionString, TimeSpan.Zero, settings);
        using var after = await second.CreateClientAsAsync(DemoSeed.Admin);
        var received = await mail.WaitForMessagesAsync(2, MailWait);
        received.Select(m => m.Subject).Should().BeEquivalentTo(
            "RTM-CRASH-1: the case has moved to Council decision", "RTM-CRASH-1: the council has decided on your proposal notice");
        (await WaitForLogAsync(after, id, l => l.All(e => e.GetProperty("status").GetString() == "sent")))
            .Select(e => e.GetProperty("status").GetString()).Should().Equal("sent", "sent");
        await Task.Delay(1500);
        (await mail.GetMessagesAsync()).Select(m => m.MessageId).Should().HaveCount(2).And.OnlyHaveUniqueItems("nothing was sent twice");
    }

    [Fact]
    public async Task A_role_missing_from_the_case_raises_an_incident_and_the_message_goes_once_the_contact_is_added()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var host = await HostFactory.CreateAsync(settings: Smtp(mail));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartReceivedAsync(client, "RTM-NOSEC-1", new Dictionary<string, object[]> { ["officer"] = AllParties()["officer"] });

        var log = await WaitForLogAsync(client, id, l => l.Length == 1 && l[0].GetProperty("status").GetString() == "failed");
        log[0].GetProperty("status").GetString().Should().Be("failed");
        log[0].GetProperty("lastError").GetString().Should().Contain("'tmo-secretary'");
        var incident = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/incidents")).EnumerateArray().Single();
        incident.GetProperty("outboxId").GetGuid().Should().Be(log[0].GetProperty("id").GetGuid());
        incident.GetProperty("error").GetString().Should().Contain("stage-changed").And.Contain("'tmo-secretary'");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("status").GetString()
            .Should().Be("waiting", "a failed email does not stop the case");

        var bad = await client.PutAsJsonAsync($"/api/cases/{id}/parties/tmo-secretary", new { contacts = new[] { new { name = "Sam", email = "not an address" } } });
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("$.contacts[0].email");

        (await client.PutAsJsonAsync($"/api/cases/{id}/parties/tmo-secretary", new { contacts = AllParties()["tmo-secretary"] })).EnsureSuccessStatusCode();
        var retried = await client.PostAsync($"/api/cases/{id}/incidents/{incident.GetProperty("id").GetGuid()}/retry", null);
        retried.StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await mail.WaitForMessagesAsync(1, MailWait)).Should().ContainSingle().Which.To.Should().Equal("secretary@tmo.example");
        log = await WaitForLogAsync(client, id, l => l[0].GetProperty("status").GetString() == "sent");
        log[0].GetProperty("status").GetString().Should().Be("sent");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/incidents")).EnumerateArray().Single()
            .GetProperty("resolvedAt").ValueKind.Should().NotBe(JsonValueKind.Null);
        (await DecisionCases.StepKindsAsync(client, id)).Should().Contain("partiesChanged");
    }

    [Fact]
    public async Task The_overdue_decision_is_escalated_to_the_officers_manager()
    {
        await using var mail = await MailDevServer.StartAsync();
        // The 28 days from 20 Nov end on Friday 18 Dec; the deadline passes three seconds after this clock.
        await using var host = await HostFactory.CreateAsync(clock: DateTimeOffset.Parse("2026-12-18T23:59:57Z"), settings: Smtp(mail));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartReceivedAsync(client, "RTM-LATE-1", AllParties());

        var received = await mail.WaitForMessagesAsync(2, MailWait);
        var overdue = received.Single(m => m.Subject.StartsWith("Overdue"));
        overdue.Subject.Should().Be("Overdue: Council decides was due by Friday 18 December 2026 (RTM-LATE-1)");
        overdue.To.Should().Equal("manager@council.example");
        overdue.Text.Should().Contain("Dear Mo Manager").And.Contain("SI 2012/1821 reg 11");
    }

    [Fact]
    public async Task A_reminder_goes_to_the_officer_a_week_before_the_last_day()
    {
        await using var mail = await MailDevServer.StartAsync();
        // The 7-days-before reminder of a last day of 18 Dec falls at 09:00 London time (GMT) on 11 Dec. The server's clock
        // starts 15 s before it: the case must be started (and its deadline set) before 09:00, or the reminder is
        // rightly skipped, and a busy 2-core machine has taken more than 3 s to start a host and sign in.
        await using var host = await HostFactory.CreateAsync(clock: DateTimeOffset.Parse("2026-12-11T08:59:45Z"), settings: Smtp(mail));
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        await StartReceivedAsync(client, "RTM-SOON-1", AllParties());

        var received = await mail.WaitForMessagesAsync(2, MailWait);
        var reminder = received.Single(m => m.Subject.StartsWith("Reminder"));
        reminder.Subject.Should().Be("Reminder: Council decides is due by Friday 18 December 2026 (RTM-SOON-1)");
        reminder.To.Should().Equal("officer@council.example");
        reminder.Text.Should().Contain("Dear Olu Officer").And.Contain("SI 2012/1821 reg 11");
    }

    [Fact]
    public async Task A_task_handed_to_an_officer_is_emailed_to_them()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var host = await HostFactory.CreateAsync(settings: Smtp(mail));
        var committee = await SignedIn.AsAsync(host, DemoSeed.TmoCommittee);
        var id = await StartReceivedAsync(committee, "RTM-ASSIGN-1", AllParties());
        await mail.WaitForMessagesAsync(1, MailWait);

        var manager = await SignedIn.AsAsync(host, DemoSeed.LaManager);
        var task = await DecisionCases.DecisionTaskAsync(manager, id);
        (await manager.PostAsJsonAsync($"/api/tasks/{task}/reassign", new { assignee = DemoSeed.LaOfficer })).EnsureSuccessStatusCode();

        var received = await mail.WaitForMessagesAsync(2, MailWait);
        var assigned = received.Single(m => m.Subject.Contains("you have been given"));
        assigned.Subject.Should().Be("RTM-ASSIGN-1: you have been given the task \"Decide on the proposal notice\"");
        assigned.To.Should().Equal(DemoSeed.LaOfficer);
        assigned.Text.Should().Contain(DemoSeed.LaManager).And.Contain("SI 2012/1821 reg 11");

        (await manager.PostAsync($"/api/tasks/{task}/unclaim", null)).EnsureSuccessStatusCode();
        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        (await officer.PostAsync($"/api/tasks/{task}/claim", null)).EnsureSuccessStatusCode();
        await Task.Delay(1500);
        (await mail.GetMessagesAsync()).Should().HaveCount(2, "claiming a task oneself sends nothing");
    }

    [Fact]
    public async Task Without_an_smtp_server_mail_is_written_as_eml_files()
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var id = await StartReceivedAsync(client, "RTM-EML-1", AllParties());

        var log = await WaitForLogAsync(client, id, l => l.Length == 1 && l[0].GetProperty("status").GetString() == "sent");
        log[0].GetProperty("status").GetString().Should().Be("sent");
        var file = Directory.GetFiles(host.PickupDirectory, "*.eml").Should().ContainSingle().Subject;
        Path.GetFileNameWithoutExtension(file).Should().Be(log[0].GetProperty("id").GetGuid().ToString("N"));
        var text = await File.ReadAllTextAsync(file);
        text.Should().Contain("secretary@tmo.example").And.Contain($"Message-ID: {log[0].GetProperty("delivery").GetProperty("messageId").GetString()}");
    }

    [Fact]
    public async Task Parties_with_unknown_roles_or_invalid_addresses_are_refused_with_their_paths()
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            definitionId = "proposal-notice-decision",
            parties = new Dictionary<string, object[]>
            {
                ["chair"] = [new { name = "A", email = "a@tmo.example" }],
                ["tmo-secretary"] = [new { name = "Sam", email = "sam at tmo" }, new { name = "", email = "Sam <sam@tmo.example>" }],
            },
        });
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            "$.parties.chair", "$.parties.tmo-secretary[0].email", "$.parties.tmo-secretary[1].name", "$.parties.tmo-secretary[1].email");
    }

    [Fact]
    public async Task A_definition_that_names_an_unknown_template_role_or_field_fails_validation()
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var definition = new
        {
            id = "mail-check",
            version = 1,
            name = "Mail check",
            variables = new[] { new { name = "decision", type = "text" } },
            notifications = new { stageChanged = new { to = new[] { "tmo-secretary" }, template = "no-such-template" } },
            activities = new object[]
            {
                new { id = "start", type = "Start" },
                new { id = "unknown", type = "SendNotification", inputs = new { template = "no-such-template", to = new[] { "tmo-secretary" } } },
                new { id = "role", type = "SendNotification", inputs = new { template = "stage-changed", to = new[] { "chairperson" } } },
                new { id = "field", type = "SendNotification", inputs = new { template = "proposal-notice-decided", to = new[] { "tmo-secretary" } } },
                new { id = "variable", type = "SendNotification", inputs = new { template = "proposal-notice-decided", to = new[] { "tmo-secretary" }, fields = new { decision = new Dictionary<string, string> { ["$variable"] = "nope" } } } },
                new { id = "end", type = "End" },
            },
            connections = new object[]
            {
                new { source = new { activity = "start", port = "done" }, target = new { activity = "unknown" } },
                new { source = new { activity = "unknown", port = "done" }, target = new { activity = "role" } },
                new { source = new { activity = "role", port = "done" }, target = new { activity = "field" } },
                new { source = new { activity = "field", port = "done" }, target = new { activity = "variable" } },
                new { source = new { activity = "variable", port = "done" }, target = new { activity = "end" } },
            },
        };
        var response = await client.PostAsJsonAsync("/api/workflow-definitions/validate", definition);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        string Codes(string path) => string.Join(",", errors.GetProperty(path).EnumerateArray().Select(e => e.GetString()));
        errors.TryGetProperty("$.activities[1].inputs.template", out _).Should().BeTrue(body);
        errors.TryGetProperty("$.activities[2].inputs.to[0]", out _).Should().BeTrue(body);
        errors.TryGetProperty("$.activities[3].inputs.template", out _).Should().BeTrue(body);
        Codes("$.activities[3].inputs.template").Should().Contain("decision");
        errors.TryGetProperty("$.activities[4].inputs.fields.decision", out _).Should().BeTrue(body);
        errors.TryGetProperty("$.notifications.stageChanged.template", out _).Should().BeTrue(body);
    }
}
