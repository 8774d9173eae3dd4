using System.Globalization;
using RightToManage.Host.Identity;

namespace RightToManage.Browser.Tests;

/// <summary>
/// The people of a case in the browser: the council officer decides on the proposal notice from their inbox, the
/// TMO committee records when it received the acceptance, and a TMO member sees the case move on a stage with its
/// new statutory deadline.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CouncilDecisionTests(BrowserHost host)
{
    [Fact]
    public async Task The_officer_decides_from_the_inbox_and_the_tmo_member_sees_the_stage_advance_and_the_new_deadline()
    {
        var (caseId, reference) = await new RightToManageCases(host).AtCouncilDecisionAsync("RTM-BROWSER-1");

        // A TMO member follows the case: the council's decision is the stage in progress.
        var member = await host.SignInAsync(DemoSeed.TmoMember);
        await member.WaitForURLAsync("**/cases");
        await Accessibility.AssertNoSeriousViolationsAsync(member, "cases");
        await Artifacts.ScreenshotAsync(member, "tmo-cases");
        await member.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(StageRow(member, "Proposal notice and council decision")).ToContainTextAsync("In progress");
        await Assertions.Expect(StageRow(member, "Competence assessment")).ToContainTextAsync("Cannot start yet");

        // The officer finds the decision in the team's inbox, with its deadline.
        var officer = await host.SignInAsync(DemoSeed.LaOfficer);
        await officer.WaitForURLAsync("**/tasks");
        await officer.GetByRole(AriaRole.Link, new() { Name = "My team's tasks" }).ClickAsync();
        var row = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Decide on the proposal notice");
        await Assertions.Expect(row).ToContainTextAsync("Due in 23 days");
        await Accessibility.AssertNoSeriousViolationsAsync(officer, "inbox");
        await Artifacts.ScreenshotAsync(officer, "officer-inbox");

        await row.GetByRole(AriaRole.Link, new() { Name = "Decide on the proposal notice" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Decide on the proposal notice", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByText("SI 2012/1821 reg 11").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(officer, "task");
        await Artifacts.ScreenshotAsync(officer, "officer-task");

        // Refusing without reasons is bad input: the GOV.UK error summary names each missing answer, and nothing is sent.
        await officer.GetByRole(AriaRole.Radio, new() { Name = "Refuse" }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        var summary = officer.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToContainTextAsync("Enter reasons for refusing");
        await Assertions.Expect(summary).ToContainTextAsync("Select ground for refusing");
        (await officer.TitleAsync()).Should().StartWith("Error: ");
        await Accessibility.AssertNoSeriousViolationsAsync(officer, "task with errors");
        await Artifacts.ScreenshotAsync(officer, "officer-task-errors");

        // The council accepts: the case moves on.
        await officer.GetByRole(AriaRole.Radio, new() { Name = "Accept" }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Task completed")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(officer, "officer-task-completed");

        // The TMO committee records the day it received the acceptance notice: the acceptance date (reg 3).
        var acceptanceDate = RightToManageCases.Today;
        var committee = await host.SignInAsync(DemoSeed.TmoCommittee);
        await committee.GotoAsync("/tasks?view=team");
        await committee.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })
            .GetByRole(AriaRole.Link, new() { Name = "Record the date you received the acceptance notice" }).ClickAsync();
        var date = committee.GetByRole(AriaRole.Group, new() { Name = "Date the TMO received the acceptance notice" });
        await date.GetByLabel("Day").FillAsync(acceptanceDate.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(acceptanceDate.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(acceptanceDate.Year.ToString(CultureInfo.InvariantCulture));
        await committee.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Assertions.Expect(committee.GetByText("Task completed")).ToBeVisibleAsync();

        // The member sees the stage advance, and the new deadline: 3 months from the acceptance date to apply to the
        // approved assessor service (reg 13(1)).
        await member.ReloadAsync();
        await Assertions.Expect(StageRow(member, "Proposal notice and council decision")).ToContainTextAsync("Completed");
        await Assertions.Expect(StageRow(member, "Competence assessment")).ToContainTextAsync("In progress");
        var deadlines = member.GetByRole(AriaRole.Table, new() { Name = "Upcoming statutory deadlines, soonest first" });
        await Assertions.Expect(deadlines).ToContainTextAsync(acceptanceDate.AddMonths(3).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await Assertions.Expect(deadlines).ToContainTextAsync("reg 13(1)");
        await Assertions.Expect(deadlines).ToContainTextAsync("Apply to the approved assessor service");
        await Accessibility.AssertNoSeriousViolationsAsync(member, "case");
        await Artifacts.ScreenshotAsync(member, "tmo-case");
    }

    private static ILocator StageRow(IPage page, string stage) =>
        page.Locator(".govuk-task-list__item").Filter(new() { HasText = stage });
}
