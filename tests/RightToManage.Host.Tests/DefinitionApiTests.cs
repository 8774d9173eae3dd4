using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Host.Tests;

public class DefinitionApiTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task The_host_is_ready_with_the_shipped_definitions_loaded(string provider)
    {
        await using var host = await HostFactory.CreateAsync(provider);
        var client = host.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        (await ready.Content.ReadAsStringAsync()).Should().Contain($"{provider} reachable", "the host runs on the database it was given");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions");
        list.GetProperty("fileErrors").GetArrayLength().Should().Be(0);
        list.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Contain("proposal-notice-decision");

        var one = await client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/proposal-notice-decision");
        one.GetProperty("readOnly").GetBoolean().Should().BeTrue();
        one.GetProperty("definition").GetProperty("parameters")[0].GetProperty("source").GetString().Should().Contain("SI 2012/1821");
    }

    [Fact]
    public async Task The_palette_lists_the_built_in_activities_with_their_inputs()
    {
        await using var host = await HostFactory.CreateAsync();
        var descriptors = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/activity-descriptors");
        var types = descriptors.EnumerateArray().ToDictionary(d => d.GetProperty("typeName").GetString()!);
        types.Keys.Should().Contain(["Start", "End", "Decision", "Fork", "Join", "SetVariable", "WaitForEvent"]);
        var join = types["Join"].GetProperty("inputs")[0];
        join.GetProperty("name").GetString().Should().Be("mode");
        join.GetProperty("options").EnumerateArray().Select(o => o.GetString()).Should().Equal("all", "any");
    }

    [Fact]
    public async Task Validation_answers_with_errors_keyed_by_json_path()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient();
        var valid = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "workflow-definitions", "proposal-notice-decision.json"));
        (await client.PostAsync("/api/workflow-definitions/validate", new StringContent(valid, Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var broken = valid.Replace("\"type\": \"Decision\"", "\"type\": \"Decisoin\"");
        var response = await client.PostAsync("/api/workflow-definitions/validate", new StringContent(broken, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("$.activities[4].type", out _).Should().BeTrue(problem.ToString());
    }
}
