using System.Text.Json;
using RightToManage.Notifications.Templates;

namespace RightToManage.Notifications.Tests.Templates;

/// <summary>The templates in workflow-definitions/templates: they load, and use exactly the fields their senders supply.</summary>
public sealed class ShippedTemplatesTests
{
    private static readonly string[] Common = ["reference", "caseUrl", "recipientName", "definitionName"];

    public static TheoryData<string, string[]> Templates => new()
    {
        { "stage-changed", [.. Common, "stage", "previousStage"] },
        { "deadline-reminder", [.. Common, "activityName", "lastDay", "regulation"] },
        { "deadline-overdue", [.. Common, "activityName", "lastDay", "regulation"] },
        // No decidedOn: proposal-notice-decision.json sends only the decision, so the template does not use the date.
        { "proposal-notice-decided", [.. Common, "decision"] },
        { "task-assigned", [.. Common, "stage", "taskTitle", "source", "assignedBy"] },
    };

    public static TheoryData<string> Names => new(Templates.Select(row => (string)row[0]));

    private static readonly Dictionary<string, JsonElement> Sample = new Dictionary<string, object>
    {
        ["reference"] = "RTM-2026-0001",
        ["caseUrl"] = "https://rtm.example.gov.uk/cases/42?tab=overview&x=<1>",
        ["recipientName"] = "Ada <Lovelace>",
        ["definitionName"] = "Proposal notice: the council's decision",
        ["stage"] = "Council decision",
        ["previousStage"] = "Proposal notice",
        ["activityName"] = "Council decides",
        ["lastDay"] = "2026-04-03",
        ["regulation"] = "regulation 11 of SI 2012/1821",
        ["decision"] = "accept",
        ["taskTitle"] = "Decide on the proposal notice",
        ["source"] = "SI 2012/1821 reg 11",
        ["assignedBy"] = "user:la-manager@demo-council.example",
    }.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));

    private static TemplateCatalog LoadShipped(out IReadOnlyList<TemplateError> errors) =>
        TemplateCatalog.Load(Path.Combine(Repository.Root, "workflow-definitions", "templates"), out errors);

    [Fact]
    public void Every_shipped_template_loads_without_errors()
    {
        var catalog = LoadShipped(out var errors);

        errors.Should().BeEmpty();
        catalog.All.Select(t => t.Name).Should().Contain(Templates.Select(row => (string)row[0]));
        catalog.All.Should().OnlyContain(t => t.HasHtml);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_shipped_template_uses_exactly_its_documented_fields(string name, string[] fields)
    {
        var catalog = LoadShipped(out _);
        catalog.TryGet(name, out var template).Should().BeTrue();

        template!.Fields.Should().BeEquivalentTo(fields);
        TemplateCatalog.MissingFields(template, fields).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_shipped_template_renders_every_part(string name)
    {
        LoadShipped(out _).TryGet(name, out var template).Should().BeTrue();

        var message = TemplateRenderer.Render(template!, Sample, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        foreach (var part in new[] { message.Subject, message.Text, message.Html! })
        {
            part.Should().Contain("RTM-2026-0001").And.NotContain("{{").And.NotContain("}}");
        }
        message.Subject.Should().NotContain("\n");
        message.Text.Should().Contain("Dear Ada <Lovelace>,").And.Contain("https://rtm.example.gov.uk/cases/42?tab=overview&x=<1>");
        message.Html.Should().Contain("lang=\"en-GB\"").And.Contain("Ada &lt;Lovelace&gt;").And.NotContain("<Lovelace>");
    }

    [Fact]
    public void The_deadline_reminder_cites_the_regulation_and_the_last_day()
    {
        LoadShipped(out _).TryGet("deadline-reminder", out var template).Should().BeTrue();

        var message = TemplateRenderer.Render(template!, Sample, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        message.Subject.Should().Be("Reminder: Council decides is due by Friday 3 April 2026 (RTM-2026-0001)");
        message.Text.Should().Contain("This deadline is set by regulation 11 of SI 2012/1821.");
    }

    [Fact]
    public void The_proposal_notice_decision_quotes_the_decision_and_regulation_11()
    {
        LoadShipped(out _).TryGet("proposal-notice-decided", out var template).Should().BeTrue();

        var message = TemplateRenderer.Render(template!, Sample, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        message.Subject.Should().Be("RTM-2026-0001: the council has decided on your proposal notice");
        message.Text.Should().Contain("The council's decision was \"accept\".")
            .And.Contain("regulation 11 of the Housing (Right to Manage) (England) Regulations 2012");
    }
}
