using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using RightToManage.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// Fuzzed definitions for every way of saving one: a new draft, a draft replaced under If-Match, publishing a draft,
/// and the check without saving. The seeds are the shipped definitions under new ids.
/// </summary>
public class DefinitionSavingFuzzTests(ITestOutputHelper output)
{
    private const string Base = "/api/workflow-definitions";

    private static readonly JsonObject[] Shipped = new[] { "proposal-notice-decision", "right-to-manage", "right-to-transfer" }
        .Select(name => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "workflow-definitions", $"{name}.json")))!.AsObject())
        .ToArray();

    [Fact]
    public async Task Fuzzed_definitions_get_problems_and_store_nothing()
    {
        await using var host = await FuzzHost.CreateAsync();
        var designer = await SignedIn.AsAsync(host, DemoSeed.Designer);
        IFuzzTarget[] targets = [new NewDraft(designer), new ReplacedDraft(designer), new Publishing(designer), new Validation(designer)];
        foreach (var target in targets) await target.RenewAsync();
        await new FuzzDriver(host, output).RunAsync("definitions", targets);
    }

    /// <summary>A shipped definition as the designer's own: under <paramref name="id"/>, version 1.</summary>
    private static JsonObject Copy(Random random, string id, string? name = null)
    {
        var definition = Shipped[random.Next(Shipped.Length)].DeepClone().AsObject();
        definition["id"] = id;
        definition["version"] = 1;
        if (name is not null) definition["name"] = name;
        return definition;
    }

    private static string NewId(Random random) => $"fuzz-{random.Next():x8}";

    /// <summary>Saves a draft and returns its content hash.</summary>
    private static async Task<string> SaveAsync(HttpClient designer, JsonObject definition)
    {
        var saved = await designer.PostAsync(Base, new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await saved.Content.ReadAsStringAsync();
        saved.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonDocument.Parse(text).RootElement.GetProperty("contentHash").GetString()!;
    }

    /// <summary>Checks a 2xx from saving or publishing against what GET now reads, and returns the version's store key.</summary>
    private static async Task<IReadOnlyCollection<string>> StoredAsync(HttpClient designer, string response, bool published)
    {
        var summary = JsonDocument.Parse(response).RootElement;
        var (id, version) = (summary.GetProperty("id").GetString()!, summary.GetProperty("version").GetInt32());
        var read = await designer.GetFromJsonAsync<JsonElement>($"{Base}/{Uri.EscapeDataString(id)}?version={version}");
        read.GetProperty("contentHash").GetString().Should().Be(summary.GetProperty("contentHash").GetString());
        read.GetProperty("published").GetBoolean().Should().Be(summary.GetProperty("published").GetBoolean());
        if (published) read.GetProperty("published").GetBoolean().Should().BeTrue();
        return [StoreFingerprint.DefinitionKey(id, version)];
    }

    private abstract class DefinitionTarget(HttpClient designer) : IFuzzTarget
    {
        protected HttpClient Designer => designer;
        public abstract string Name { get; }
        public HttpClient Client => designer;
        public virtual IReadOnlyCollection<string> FieldNames => ["If-Match"];
        public abstract SeedRequest Seed(Random random);
        public abstract Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response);
        public Task<string?> UnchangedAsync() => Task.FromResult<string?>(null);
        public virtual Task RenewAsync() => Task.CompletedTask;
    }

    /// <summary>POST a definition under an id nobody has used: a new draft.</summary>
    private sealed class NewDraft(HttpClient designer) : DefinitionTarget(designer)
    {
        public override string Name => "POST /api/workflow-definitions (new draft)";
        public override SeedRequest Seed(Random random) => new(Base, Copy(random, NewId(random))) { TakesIfMatch = true };
        public override Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response) => StoredAsync(Designer, response, published: false);
    }

    /// <summary>POST a changed draft with If-Match: its current content hash.</summary>
    private sealed class ReplacedDraft(HttpClient designer) : DefinitionTarget(designer)
    {
        private JsonObject _draft = new();
        private string _hash = "";

        public override string Name => "POST /api/workflow-definitions (replace under If-Match)";

        public override SeedRequest Seed(Random random)
        {
            var changed = _draft.DeepClone().AsObject();
            changed["name"] = $"Changed {random.Next()}";
            return new SeedRequest(Base, changed) { TakesIfMatch = true, Headers = new Dictionary<string, string> { ["If-Match"] = $"\"{_hash}\"" } };
        }

        public override Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response) => StoredAsync(Designer, response, published: false);

        public override async Task RenewAsync()
        {
            _draft = Copy(Random.Shared, NewId(Random.Shared));
            _hash = await SaveAsync(Designer, _draft);
        }
    }

    /// <summary>POST /{id}/publish of a stored draft: the version in the body (or the query), with If-Match.</summary>
    private sealed class Publishing(HttpClient designer) : DefinitionTarget(designer)
    {
        private string _id = "", _hash = "";

        public override string Name => "POST /api/workflow-definitions/{id}/publish";
        public override IReadOnlyCollection<string> FieldNames => ["If-Match", "version"];

        public override SeedRequest Seed(Random random) => new($"{Base}/{_id}/publish", new JsonObject { ["version"] = 1 })
        {
            RouteId = _id, TakesIfMatch = true, Query = ["version"], Headers = new Dictionary<string, string> { ["If-Match"] = $"\"{_hash}\"" },
        };

        public override Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response) => StoredAsync(Designer, response, published: true);

        public override async Task RenewAsync()
        {
            _id = NewId(Random.Shared);
            _hash = await SaveAsync(Designer, Copy(Random.Shared, _id));
        }
    }

    /// <summary>POST /validate: checks without storing, so an accepted request may change nothing.</summary>
    private sealed class Validation(HttpClient designer) : DefinitionTarget(designer)
    {
        public override string Name => "POST /api/workflow-definitions/validate";
        public override SeedRequest Seed(Random random) => new($"{Base}/validate", Copy(random, NewId(random)));
        public override Task<IReadOnlyCollection<string>> AcceptedAsync(FuzzRequest request, string response) => Task.FromResult<IReadOnlyCollection<string>>([]);
    }
}
