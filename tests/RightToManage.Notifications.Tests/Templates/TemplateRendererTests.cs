using System.Text.Json;
using RightToManage.Notifications.Templates;

namespace RightToManage.Notifications.Tests.Templates;

public sealed class TemplateRendererTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static Dictionary<string, JsonElement> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value));

    private static string RenderText(string body, params (string Name, object? Value)[] values) =>
        TemplateRenderer.Render(TemplateFolder.Single($"Subject: Test\n\n{body}"), Values(values), London).Text;

    [Fact]
    public void A_date_is_written_in_long_en_GB_form()
    {
        RenderText("{{ lastDay | date }}", ("lastDay", "2026-04-03")).Should().Be("Friday 3 April 2026");
    }

    [Fact]
    public void A_date_time_given_to_the_date_filter_is_first_moved_into_the_zone()
    {
        // 23:30 UTC on 2 April is 00:30 BST on 3 April.
        RenderText("{{ lastDay | date }}", ("lastDay", "2026-04-02T23:30:00Z")).Should().Be("Friday 3 April 2026");
    }

    [Theory]
    [InlineData("2026-10-25T08:30:00Z", "Sunday 25 October 2026 at 8:30am")] // the clocks went back at 01:00 UTC: GMT
    [InlineData("2026-06-01T11:05:00Z", "Monday 1 June 2026 at 12:05pm")] // BST
    [InlineData("2026-06-01T12:30:00+01:00", "Monday 1 June 2026 at 12:30pm")]
    [InlineData("2026-01-05T00:00:00Z", "Monday 5 January 2026 at 12:00am")]
    [InlineData("2026-01-05T23:59:59.999+00:00", "Monday 5 January 2026 at 11:59pm")]
    public void A_date_time_is_written_in_the_zone_with_a_12_hour_clock(string value, string expected)
    {
        RenderText("{{at|dateTime}}", ("at", value)).Should().Be(expected);
    }

    [Fact]
    public void Values_are_written_by_kind()
    {
        RenderText("{{ name }}/{{ days }}/{{ ratio }}/{{ yes }}/{{ no }}/{{ list }}",
                ("name", "Oak Court TMO"), ("days", 28), ("ratio", 1.5m), ("yes", true), ("no", false), ("list", new object[] { "north", 2, true }))
            .Should().Be("Oak Court TMO/28/1.5/yes/no/north, 2, yes");
    }

    [Fact]
    public void A_dotted_field_reads_a_property_of_an_object_value()
    {
        RenderText("{{ applicant.name }} and {{ flat.address }}",
                ("applicant", new { name = "Ada" }), ("flat.address", "1 Oak Court"))
            .Should().Be("Ada and 1 Oak Court");
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_body_only()
    {
        var template = TemplateFolder.Single("Subject: About {{ name }}\n\nHello {{ name }}\n", "<p>Hello {{ name }}</p>");

        var message = TemplateRenderer.Render(template, Values(("name", "<b>&")), London);

        message.Subject.Should().Be("About <b>&");
        message.Text.Should().Be("Hello <b>&\n");
        message.Html.Should().Be("<p>Hello &lt;b&gt;&amp;</p>");
    }

    [Fact]
    public void Line_breaks_in_values_become_spaces_in_the_subject_but_stay_in_the_text()
    {
        var template = TemplateFolder.Single("Subject: Case {{ reference }}\n\n{{ reference }}");

        var message = TemplateRenderer.Render(template, Values(("reference", "RTM-1\r\nBcc: someone@example.org\n\rX")), London);

        message.Subject.Should().Be("Case RTM-1 Bcc: someone@example.org X");
        message.Text.Should().Be("RTM-1\r\nBcc: someone@example.org\n\rX");
    }

    [Fact]
    public void A_template_without_html_renders_text_only()
    {
        var message = TemplateRenderer.Render(TemplateFolder.Single("Subject: Hi\r\n\r\nLine one\r\nLine two\r\n"), Values(), London);

        message.Should().Be(new RenderedMessage("Hi", "Line one\nLine two\n", null));
    }

    [Fact]
    public void A_missing_field_throws_naming_it()
    {
        var template = TemplateFolder.Single("Subject: {{ reference }}\n\nDear {{ recipientName }}");

        var act = () => TemplateRenderer.Render(template, Values(("reference", "RTM-1")), London);

        act.Should().Throw<TemplateRenderException>().Which.Should().Match<TemplateRenderException>(e =>
            e.Field == "recipientName" && e.Message.Contains("recipientName"));
    }

    [Theory]
    [InlineData("{{ x }}", null)]
    [InlineData("{{ x.name }}", "{}")]
    [InlineData("{{ x.name }}", "\"text\"")]
    [InlineData("{{ x }}", "{\"a\":1}")]
    [InlineData("{{ x }}", "[\"a\", {\"b\": 1}]")]
    [InlineData("{{ x }}", "[\"a\", null]")]
    [InlineData("{{ x | date }}", "20260403")]
    [InlineData("{{ x | date }}", "\"3 April 2026\"")]
    [InlineData("{{ x | date }}", "\"2026-04-03T10:00:00\"")]
    [InlineData("{{ x | dateTime }}", "\"2026-04-03\"")]
    [InlineData("{{ x | dateTime }}", "\"2026-04-03T10:00:00\"")]
    [InlineData("{{ x | dateTime }}", "[\"2026-04-03T10:00:00Z\"]")]
    public void A_null_or_wrongly_shaped_value_throws_naming_the_field(string body, string? json)
    {
        var template = TemplateFolder.Single($"Subject: Hi\n\n{body}");
        var fields = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse(json ?? "null").RootElement };

        var act = () => TemplateRenderer.Render(template, fields, London);

        act.Should().Throw<TemplateRenderException>().Which.Field.Should().StartWith("x");
    }

    [Fact]
    public void The_exception_message_does_not_repeat_the_value()
    {
        var template = TemplateFolder.Single("Subject: Hi\n\n{{ born | date }}");

        var act = () => TemplateRenderer.Render(template, Values(("born", "Ada Lovelace, 10 Dec 1815")), London);

        act.Should().Throw<TemplateRenderException>().Which.Message.Should().Contain("born").And.NotContain("Lovelace");
    }
}
