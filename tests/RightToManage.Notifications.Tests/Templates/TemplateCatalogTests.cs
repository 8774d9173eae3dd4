using RightToManage.Notifications.Templates;

namespace RightToManage.Notifications.Tests.Templates;

public sealed class TemplateCatalogTests
{
    [Fact]
    public void Loads_subject_text_and_html_with_every_field_they_use()
    {
        using var folder = new TemplateFolder()
            .With("stage-changed.txt", "Subject: {{reference}} moved to {{ stage }}\n\nDear {{recipientName}},\nSee {{caseUrl}}\n")
            .With("stage-changed.html", "<p>Dear {{recipientName}}, due {{ lastDay|date }} at {{ at | dateTime }}</p>\n")
            .With("plain-only.txt", "Subject: Hello\n\nBody for {{reference}}.\n");

        var catalog = folder.Load(out var errors);

        errors.Should().BeEmpty();
        catalog.All.Select(t => t.Name).Should().Equal("plain-only", "stage-changed");
        catalog.TryGet("stage-changed", out var template).Should().BeTrue();
        template!.HasHtml.Should().BeTrue();
        template.FilePath.Should().Be(Path.Combine(folder.Path, "stage-changed.txt"));
        template.Fields.Should().BeEquivalentTo("reference", "stage", "recipientName", "caseUrl", "lastDay", "at");
        catalog.TryGet("plain-only", out var plain).Should().BeTrue();
        plain!.HasHtml.Should().BeFalse();
        catalog.TryGet("missing", out _).Should().BeFalse();
    }

    [Fact]
    public void A_missing_folder_is_an_empty_catalog_without_errors()
    {
        var catalog = TemplateCatalog.Load(Path.Combine(Path.GetTempPath(), "rtm-no-such-folder-" + Guid.NewGuid().ToString("N")), out var errors);

        errors.Should().BeEmpty();
        catalog.All.Should().BeEmpty();
        TemplateCatalog.Empty.All.Should().BeEmpty();
    }

    [Fact]
    public void An_unclosed_placeholder_is_reported_with_its_line_and_the_template_left_out()
    {
        using var folder = new TemplateFolder()
            .With("broken.txt", "Subject: Case {{reference}}\n\nDear {{recipientName}},\n\nYour case {{reference is late.\n")
            .With("fine.txt", "Subject: Fine\n\nAll well.\n");

        var catalog = folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Should().Match<TemplateError>(e =>
            e.File == Path.Combine(folder.Path, "broken.txt") && e.Line == 5 && e.Message.Contains("'{{'"));
        catalog.TryGet("broken", out _).Should().BeFalse();
        catalog.TryGet("fine", out _).Should().BeTrue();
    }

    [Fact]
    public void A_placeholder_closed_only_on_a_later_line_is_unclosed()
    {
        using var folder = new TemplateFolder().With("broken.txt", "Subject: Hi\n\nDear {{recipientName\n}},\n");

        folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void An_unknown_filter_is_reported_with_its_line()
    {
        using var folder = new TemplateFolder().With("broken.txt", "Subject: Due {{ lastDay | upper }}\n\nText.\n");

        folder.Load(out var errors);

        var error = errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(1);
        error.Message.Should().Contain("upper");
    }

    [Fact]
    public void Filters_are_case_sensitive_and_only_one_is_allowed()
    {
        using var folder = new TemplateFolder().With("broken.txt", "Subject: Hi\n\n{{ a | Date }}\n{{ b | date | dateTime }}\n");

        folder.Load(out var errors);

        errors.Select(e => e.Line).Should().Equal(3, 4);
    }

    [Theory]
    [InlineData("{{ 1st }}")]
    [InlineData("{{ first name }}")]
    [InlineData("{{ applicant. }}")]
    [InlineData("{{ case-reference }}")]
    [InlineData("{{ }}")]
    public void A_bad_field_name_is_reported_with_its_line(string placeholder)
    {
        using var folder = new TemplateFolder().With("broken.txt", $"Subject: Hi\n\nLine three.\nLine four {placeholder}.\n");

        folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Line.Should().Be(4);
    }

    [Fact]
    public void A_missing_subject_header_is_reported_on_line_one()
    {
        using var folder = new TemplateFolder().With("no-subject.txt", "Dear {{recipientName}},\n\nSomething happened.\n");

        var catalog = folder.Load(out var errors);

        var error = errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(1);
        error.Message.Should().Contain("Subject");
        catalog.All.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_and_repeated_headers_are_reported_with_their_lines()
    {
        using var folder = new TemplateFolder().With("headers.txt", "Subject: One\nFrom: someone\nSubject: Two\n\nBody.\n");

        folder.Load(out var errors);

        errors.Select(e => e.Line).Should().Equal(2, 3);
        errors[0].Message.Should().Contain("From");
    }

    [Fact]
    public void A_template_without_a_body_is_reported()
    {
        using var folder = new TemplateFolder()
            .With("headers-only.txt", "Subject: Hi")
            .With("empty-body.txt", "Subject: Hi\n\n   \n");

        var catalog = folder.Load(out var errors);

        errors.Select(e => Path.GetFileName(e.File)).Should().BeEquivalentTo("headers-only.txt", "empty-body.txt");
        catalog.All.Should().BeEmpty();
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_not_just_the_first()
    {
        using var folder = new TemplateFolder().With("many.txt", "Subject: {{ a | nope }}\n\n{{ b\nfine {{ c }}\n{{ 9 }}\n");

        folder.Load(out var errors);

        errors.Select(e => e.Line).Should().Equal(1, 3, 5);
    }

    [Fact]
    public void Errors_in_the_html_body_have_its_file_and_line_and_leave_the_template_out()
    {
        using var folder = new TemplateFolder()
            .With("notice.txt", "Subject: Hi\n\nBody.\n")
            .With("notice.html", "<html lang=\"en-GB\">\n<body>\n<p>{{ when | dateTim }}</p>\n</body>\n</html>\n");

        var catalog = folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Should().Be(new TemplateError(Path.Combine(folder.Path, "notice.html"), 3,
            "Unknown filter 'dateTim' for 'when': the filters are date and dateTime."));
        catalog.TryGet("notice", out _).Should().BeFalse();
    }

    [Fact]
    public void Line_numbers_count_windows_line_endings_once()
    {
        using var folder = new TemplateFolder().With("crlf.txt", "Subject: Hi\r\n\r\nOne\r\nTwo {{ x | bad }}\r\n");

        folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Line.Should().Be(4);
    }

    [Theory]
    [InlineData("Stage-Changed.txt")]
    [InlineData("stage_changed.txt")]
    [InlineData("-leading.txt")]
    [InlineData("README.md")]
    [InlineData("stage-changed.htm")]
    public void Files_with_other_names_are_reported(string fileName)
    {
        using var folder = new TemplateFolder()
            .With(fileName, "Subject: Hi\n\nBody.\n")
            .With("good-1.txt", "Subject: Hi\n\nBody.\n");

        var catalog = folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Should().Match<TemplateError>(e => e.File == Path.Combine(folder.Path, fileName) && e.Line == null);
        catalog.All.Select(t => t.Name).Should().Equal("good-1");
    }

    [Fact]
    public void An_html_body_without_its_text_file_is_reported()
    {
        using var folder = new TemplateFolder().With("orphan.html", "<p>Hello</p>\n");

        var catalog = folder.Load(out var errors);

        errors.Should().ContainSingle().Which.File.Should().Be(Path.Combine(folder.Path, "orphan.html"));
        catalog.All.Should().BeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported()
    {
        using var folder = new TemplateFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "latin1.txt"), [.. "Subject: Caf"u8, 0xE9, (byte)'\n', (byte)'\n', (byte)'x']);

        var catalog = folder.Load(out var errors);

        errors.Should().ContainSingle().Which.Message.Should().Contain("UTF-8");
        catalog.All.Should().BeEmpty();
    }

    [Fact]
    public void MissingFields_lists_the_unavailable_fields_sorted_ordinal()
    {
        var template = TemplateFolder.Single(
            "Subject: {{reference}} {{zeta}}\n\n{{ Alpha }} {{beta}} {{applicant.name}} {{other.name}}\n",
            "<p>{{caseUrl}}</p>");

        TemplateCatalog.MissingFields(template, ["reference", "applicant", "beta"])
            .Should().Equal("Alpha", "caseUrl", "other.name", "zeta");
        TemplateCatalog.MissingFields(template, template.Fields).Should().BeEmpty();
    }
}
