using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive page, both open and served wholly by the host.</summary>
public class OpenApiTests
{
    [Fact]
    public async Task The_document_describes_the_api_and_its_two_ways_to_sign_in()
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = host.CreateClient(); // no session, no key: the document is open

        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var document = json.RootElement;

        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var info = document.GetProperty("info");
        info.GetProperty("title").GetString().Should().Be("RightToManage API");
        info.GetProperty("version").GetString().Should().NotBeNullOrWhiteSpace();
        info.GetProperty("description").GetString().Should().Contain("problem details").And.Contain("JSON path");

        var paths = document.GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().Contain([
            "/api/cases", "/api/cases/{id}", "/api/tasks", "/api/tasks/{id}/complete",
            "/api/workflow-definitions", "/api/auth/sign-in",
        ]);
        names.Should().NotContain(["/docs", "/api"], "the redirects to the page are not part of the API");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var session = schemes.GetProperty("session");
        session.GetProperty("type").GetString().Should().Be("apiKey");
        session.GetProperty("in").GetString().Should().Be("cookie");
        session.GetProperty("name").GetString().Should().Be("rtm.session");
        session.GetProperty("description").GetString().Should().Contain("X-XSRF-TOKEN");
        var apiKey = schemes.GetProperty("apiKey");
        apiKey.GetProperty("type").GetString().Should().Be("apiKey");
        apiKey.GetProperty("in").GetString().Should().Be("header");
        apiKey.GetProperty("name").GetString().Should().Be("Authorization");
        apiKey.GetProperty("description").GetString().Should().Contain("ApiKey <key>");

        // Endpoints behind RequireAuthorization take either; sign-in takes neither.
        SchemesOf(paths, "/api/cases", "get").Should().BeEquivalentTo(["session", "apiKey"]);
        SchemesOf(paths, "/api/tasks/{id}/complete", "post").Should().BeEquivalentTo(["session", "apiKey"]);
        SchemesOf(paths, "/api/auth/sign-in", "post").Should().BeEmpty();
        paths.GetProperty("/api/cases").GetProperty("get").GetProperty("tags")[0].GetString().Should().Be("Cases");
        paths.GetProperty("/api/tasks/{id}/complete").GetProperty("post").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().Contain("X-XSRF-TOKEN");
    }

    [Fact]
    public async Task The_interactive_page_and_its_scripts_are_served_by_the_host()
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = host.CreateClient();

        var page = await client.GetAsync("/scalar/v1");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<html", Exactly.Once()).And.Contain("RightToManage API");

        var scripts = Regex.Matches(html, "<script[^>]*\\bsrc=\"([^\"]+)\"", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
        scripts.Should().NotBeEmpty("the page loads its script from the host");
        var pageUri = new Uri(client.BaseAddress!, "/scalar/v1");
        foreach (var src in scripts)
        {
            var uri = new Uri(pageUri, WebUtility.HtmlDecode(src));
            uri.Authority.Should().Be(client.BaseAddress!.Authority, $"the machine may be offline: {src} must come from the host, not a CDN");
            var script = await client.GetAsync(uri.PathAndQuery);
            script.StatusCode.Should().Be(HttpStatusCode.OK, src);
            script.Content.Headers.ContentType!.MediaType.Should().Contain("javascript", src);
            (await script.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(0, src);
        }
        // Nothing else on the page reaches out either (stylesheets, fonts, preloads).
        Regex.Matches(html, "(?:src|href)=\"((?:https?:)?//[^\"]+)\"", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value)
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/api")]
    public async Task Docs_and_api_redirect_to_the_page(string path)
    {
        await using var host = await HostFactory.CreateAsync(TestDatabases.Sqlite);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/scalar/v1");
    }

    private static List<string> SchemesOf(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
            : [];
}
