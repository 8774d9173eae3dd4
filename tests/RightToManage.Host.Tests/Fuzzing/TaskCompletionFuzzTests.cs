using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using RightToManage.Host.Tests.Scenarios;
using Xunit.Abstractions;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// Fuzzed bodies for POST /api/tasks/{id}/complete on three real tasks: the council's decision (outcome and reasons),
/// the TMO's authorising vote (a choice, numbers, yes/no answers and documents) and the delivery of copies (a date).
/// </summary>
public class TaskCompletionFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzzed_task_completion_gets_problems_and_leaves_the_task_open()
    {
        await using var host = await FuzzHost.CreateAsync();
        var admin = await SignedIn.AsAsync(host, DemoSeed.Admin);
        var committee = await SignedIn.AsAsync(host, DemoSeed.TmoCommittee);
        var officer = await SignedIn.AsAsync(host, DemoSeed.LaOfficer);
        IFuzzTarget[] targets = [new CouncilDecision(committee, officer), new AuthorisingVote(admin, committee), new DeliverCopies(admin, committee)];
        foreach (var target in targets) await target.RenewAsync();
        await new FuzzDriver(host, output).RunAsync("tasks", targets);
    }

    /// <summary>One open task on a case of its own; a completion that gets through is checked and the task replaced.</summary>
    private abstract class OpenTask(HttpClient client) : IFuzzTarget
    {
        protected HttpClient Worker => client;

        protected Guid CaseId { get; private set; }
        protected string TaskId { get; private set; } = "";

        public abstract string Name { get; }
        public HttpClient Client => client;
        public IReadOnlyCollection<string> FieldNames => [];

        /// <summary>Starts a case and brings it to the task; returns the case and the task's id.</summary>
        protected abstract Task<(Guid Case, string Task)> OpenAsync();

        protected abstract JsonObject Answers();

        public SeedRequest Seed(Random random) => new($"/api/tasks/{TaskId}/complete", Answers()) { RouteId = TaskId };

        public async Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response)
        {
            (await CaseState.TaskStatusAsync(client, TaskId)).Should().Be("completed");
            (await CaseState.JournalProblemAsync(client, CaseId)).Should().BeNull();
            (await DecisionCases.StepKindsAsync(client, CaseId)).Count(k => k == "taskCompleted").Should().Be(Completions + 1, "the task was completed once");
            return [StoreFingerprint.CaseKey(CaseId)];
        }

        /// <summary>How many tasks the case completed on the way to this one.</summary>
        protected virtual int Completions => 0;

        public async Task<string?> UnchangedAsync()
        {
            var status = await CaseState.TaskStatusAsync(client, TaskId);
            return status != "open" ? $"task {TaskId} is {status}, not open" : await CaseState.JournalProblemAsync(client, CaseId);
        }

        public async Task RenewAsync() => (CaseId, TaskId) = await OpenAsync();
    }

    private sealed class CouncilDecision(HttpClient committee, HttpClient officer) : OpenTask(officer)
    {
        public override string Name => "complete councilDecides (proposal-notice-decision)";

        protected override async Task<(Guid, string)> OpenAsync()
        {
            var id = await DecisionCases.StartReceivedAsync(committee);
            return (id, await DecisionCases.DecisionTaskAsync(Worker, id));
        }

        protected override JsonObject Answers() => new()
        {
            ["outcome"] = "refuse",
            ["data"] = new JsonObject { ["reasons"] = "Fewer than 25 secure tenancies in the proposed area." },
        };
    }

    /// <summary>The TMO records the members' vote: a choice, counts, two documents and four yes/no answers.</summary>
    private class AuthorisingVote(HttpClient admin, HttpClient committee) : OpenTask(committee)
    {
        private string _voteRecord = "", _constitution = "";

        public override string Name => "complete authorisingVote (right-to-manage)";

        protected override async Task<(Guid, string)> OpenAsync()
        {
            var started = await admin.PostAsJsonAsync("/api/cases", new { definitionId = "right-to-manage", organisations = DecisionCases.Organisations });
            started.EnsureSuccessStatusCode();
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var explore = await ProcessApiTests.OpenTaskAsync(Worker, id, "exploreOptions");
            (await Worker.PostAsJsonAsync($"/api/tasks/{explore}/complete", new { outcome = "pursue" })).EnsureSuccessStatusCode();
            (_voteRecord, _constitution) = (await ProcessApiTests.UploadAsync(Worker, id), await ProcessApiTests.UploadAsync(Worker, id));
            return (id, await ProcessApiTests.OpenTaskAsync(Worker, id, "authorisingVote"));
        }

        protected override int Completions => 1;

        protected override JsonObject Answers() => new()
        {
            ["outcome"] = "recorded",
            ["data"] = new JsonObject
            {
                ["method"] = "general-meeting",
                ["membersInFavour"] = 31,
                ["membersAgainst"] = 4,
                ["voteRecord"] = _voteRecord,
                ["constitution"] = _constitution,
                ["areaSpecified"] = true,
                ["openMembership"] = true,
                ["avoidsDiscrimination"] = true,
                ["democraticGovernance"] = true,
            },
        };
    }

    /// <summary>After a vote that passed, the TMO records when it delivered copies of the notice: a date, a document, a count.</summary>
    private sealed class DeliverCopies(HttpClient admin, HttpClient committee) : AuthorisingVote(admin, committee)
    {
        private string _evidence = "";

        public override string Name => "complete deliverCopies (right-to-manage)";

        protected override async Task<(Guid, string)> OpenAsync()
        {
            var (id, vote) = await base.OpenAsync();
            var answered = await Worker.PostAsJsonAsync($"/api/tasks/{vote}/complete", base.Answers());
            answered.IsSuccessStatusCode.Should().BeTrue(await answered.Content.ReadAsStringAsync());
            _evidence = await ProcessApiTests.UploadAsync(Worker, id);
            return (id, await ProcessApiTests.OpenTaskAsync(Worker, id, "deliverCopies"));
        }

        protected override int Completions => 2;

        protected override JsonObject Answers() => new()
        {
            ["outcome"] = "delivered",
            ["data"] = new JsonObject { ["deliveredOn"] = "2027-01-20", ["deliveryEvidence"] = _evidence, ["housesDelivered"] = 40 },
        };
    }
}
