using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightToManage.Host.Identity;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Browser.Tests;

/// <summary>
/// A designer in the studio: adds a reminder to a definition, sees the server's validation error on the canvas
/// without losing the work, validates, saves the draft, publishes, and finds the new version in the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StudioTests(BrowserHost host)
{
    [Fact]
    public async Task A_designer_adds_a_reminder_validates_publishes_and_sees_the_new_version()
    {
        const string id = "notice-decision-local";
        await PublishCopyOfShippedDecisionAsync(id);

        var page = await host.SignInAsync(DemoSeed.Designer);
        await page.WaitForURLAsync("**/studio");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Studio", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "studio");
        await Artifacts.ScreenshotAsync(page, "studio-definitions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Notice decision (local copy)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).WaitForAsync();
        await Assertions.Expect(page.Locator(".react-flow__node").Filter(new() { HasText = "Council decides" })).ToBeVisibleAsync();

        // A notification with nothing filled in: the server refuses the draft, the error is on the node and in the
        // summary, and the new activity is still on the canvas.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send notification" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("sendNotification1");
        await Assertions.Expect(page.Locator(".react-flow__node").Filter(new() { HasText = "sendNotification1" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".rtm-node--error")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "editor with errors");
        await Artifacts.ScreenshotAsync(page, "studio-editor-errors");

        // Fill it in as a reminder to the officer, sent from the decision deadline's reminder port.
        await page.GetByLabel("Display name").FillAsync("Remind the council");
        await page.GetByLabel("Template", new() { Exact = true }).FillAsync("case-update");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("officer");
        await page.GetByLabel("Fields (optional)", new() { Exact = true }).FillAsync(
            """{"headline": "A decision is due", "detail": "The council must decide within 28 days of receipt.", "regulation": "SI 2012/1821 reg 11"}""");
        await page.GetByLabel("Comes after").SelectOptionAsync(new SelectOptionValue { Label = "Council decides: reminder" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect from it" }).ClickAsync();

        // Undo takes the connection away, redo puts it back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".react-flow__edge").Filter(new() { HasText = "reminder" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".react-flow__edge").Filter(new() { HasText = "reminder" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The definition is valid.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 is saved as a draft.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 is published")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "editor");
        await Artifacts.ScreenshotAsync(page, "studio-editor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new("^Version 2 Published") })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "version history");
        await Artifacts.ScreenshotAsync(page, "studio-versions");

        // What the studio published is what the server holds: version 2, with the reminder wired to the deadline.
        using var api = await host.ApiAsync(DemoSeed.Designer);
        var published = await api.GetFromJsonAsync<JsonElement>($"/api/workflow-definitions/{id}");
        published.GetProperty("version").GetInt32().Should().Be(2);
        var definition = published.GetProperty("definition");
        var reminder = definition.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "SendNotification" && a.GetProperty("displayName").GetString() == "Remind the council");
        definition.GetProperty("connections").EnumerateArray().Should().Contain(c =>
            c.GetProperty("target").GetProperty("activity").GetString() == reminder.GetProperty("id").GetString()
            && c.GetProperty("source").GetProperty("activity").GetString() == "councilDecides"
            && c.GetProperty("source").GetProperty("port").GetString() == "reminder");
    }

    [Fact]
    public async Task A_shipped_definition_opens_read_only_and_can_be_saved_as_a_new_one()
    {
        var page = await host.SignInAsync(DemoSeed.Designer);
        await page.GotoAsync("/studio/definitions/right-to-manage");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save as a new definition" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "read-only editor");
        await Artifacts.ScreenshotAsync(page, "studio-read-only");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new definition" }).ClickAsync();
        await page.GetByLabel("New definition id").FillAsync("rtm-north-estate");
        await page.GetByLabel("New definition name").FillAsync("Right to Manage (North Estate)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the copy" }).ClickAsync();
        await page.WaitForURLAsync("**/studio/definitions/rtm-north-estate**");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();

        using var api = await host.ApiAsync(DemoSeed.Designer);
        var draft = await api.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/rtm-north-estate?version=1");
        draft.GetProperty("published").GetBoolean().Should().BeFalse();
        draft.GetProperty("definition").GetProperty("activities").GetArrayLength().Should().Be(47, "the copy has every activity of the shipped definition");
    }

    [Fact]
    public async Task When_the_session_ends_mid_edit_the_work_stays_and_is_saved_after_signing_in_again()
    {
        const string id = "notice-decision-session";
        await PublishCopyOfShippedDecisionAsync(id);
        var page = await host.SignInAsync(DemoSeed.Designer);
        await page.GotoAsync($"/studio/definitions/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send notification" }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Tell the committee");

        // Signed out in another tab: the editor's next request finds no session.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/cases");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await other.GetByLabel("Email address").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your session has ended. Nothing on this page has been lost.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Tell the committee");

        await other.GetByLabel("Email address").FillAsync(DemoSeed.Designer);
        await other.GetByLabel("Password").FillAsync(Host.Tests.HostFactory.DemoPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "I have signed in again" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your session has ended.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".react-flow__node").Filter(new() { HasText = "Tell the committee" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_case_viewer_shows_where_a_case_waits_and_its_journal()
    {
        var (caseId, _) = await new RightToManageCases(host).AtCouncilDecisionAsync("RTM-VIEWER-1");
        var page = await host.SignInAsync(DemoSeed.Designer);
        await page.GotoAsync($"/studio/cases/{caseId}");
        var waiting = page.Locator(".react-flow__node").Filter(new() { HasText = "Waiting here" });
        await Assertions.Expect(waiting.Filter(new() { HasText = "Council decides" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "taskCompleted" }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "case viewer");
        await Artifacts.ScreenshotAsync(page, "studio-case-viewer");
    }

    /// <summary>A database definition with a published version 1: the shipped decision process under a new id.</summary>
    private async Task PublishCopyOfShippedDecisionAsync(string id)
    {
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "workflow-definitions", "proposal-notice-decision.json")))!.AsObject();
        definition["id"] = id;
        definition["version"] = 1;
        definition["name"] = "Notice decision (local copy)";
        using var api = await host.ApiAsync(DemoSeed.Designer);
        await BrowserHost.PostAsync(api, "/api/workflow-definitions", definition);
        await BrowserHost.PostAsync(api, $"/api/workflow-definitions/{id}/publish", new { version = 1 });
    }
}
