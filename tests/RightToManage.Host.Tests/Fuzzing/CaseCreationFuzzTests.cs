using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using Xunit.Abstractions;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>Fuzzed bodies for POST /api/cases: every field of a full start (id, reference, variables, parties, organisations).</summary>
public class CaseCreationFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzzed_case_creation_gets_problems_and_stores_nothing()
    {
        await using var host = await FuzzHost.CreateAsync();
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        await new FuzzDriver(host, output).RunAsync("cases", [new CaseCreation(admin)]);
    }

    private sealed class CaseCreation(HttpClient admin) : IFuzzTarget
    {
        public string Name => "POST /api/cases";
        public HttpClient Client => admin;
        public IReadOnlyCollection<string> FieldNames => [];

        public SeedRequest Seed(Random random)
        {
            var decision = random.Next(2) == 0;
            var id = new byte[16];
            random.NextBytes(id);
            return new SeedRequest("/api/cases", new JsonObject
            {
                ["definitionId"] = decision ? "proposal-notice-decision" : "right-to-manage",
                ["version"] = 1,
                ["reference"] = $"FUZZ-{random.Next():x8}",
                ["id"] = new Guid(id).ToString(),
                ["variables"] = decision
                    ? new JsonObject { ["receivedOn"] = "2026-11-20", ["decisionOverdue"] = false, ["decisionAnswers"] = new JsonObject { ["note"] = "seed" } }
                    : new JsonObject { ["noticeReasons"] = new JsonArray("none yet"), ["earlierNotices"] = new JsonArray(), ["endCause"] = "not ended" },
                ["parties"] = new JsonObject
                {
                    ["tmo-secretary"] = new JsonArray(new JsonObject { ["name"] = "Sam Secretary", ["email"] = "secretary@tmo.example" }),
                    ["officer"] = new JsonArray(new JsonObject { ["name"] = "Olu Officer", ["email"] = "officer@council.example" }),
                },
                ["organisations"] = new JsonObject { ["tmo"] = DemoSeed.Tmo, ["local-authority"] = DemoSeed.Council },
            });
        }

        public async Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response)
        {
            var id = JsonDocument.Parse(response).RootElement.GetProperty("id").GetGuid();
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
            view.GetProperty("id").GetGuid().Should().Be(id);
            (await CaseState.JournalProblemAsync(admin, id)).Should().BeNull();
            return [StoreFingerprint.CaseKey(id)];
        }

        public Task<string?> UnchangedAsync() => Task.FromResult<string?>(null);

        public Task RenewAsync() => Task.CompletedTask;
    }
}
