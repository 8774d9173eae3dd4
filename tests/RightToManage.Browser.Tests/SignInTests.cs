using RightToManage.Host.Identity;

namespace RightToManage.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserHost host)
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_the_right_one_signs_in()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/tasks");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to RightToManage" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your password");
        (await page.TitleAsync()).Should().StartWith("Error: ");

        await page.GetByLabel("Email address").FillAsync(DemoSeed.LaOfficer);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("The email address or password is not right.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in");
        await Artifacts.ScreenshotAsync(page, "sign-in-error");

        await page.GetByLabel("Password").FillAsync(Host.Tests.HostFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Back where the officer was going before signing in.
        await page.WaitForURLAsync("**/tasks");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
