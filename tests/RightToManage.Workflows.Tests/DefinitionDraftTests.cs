using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;
using RightToManage.Workflows.Validation;

namespace RightToManage.Workflows.Tests;

/// <summary>Drafts in the catalog and the store: saved, replaced under a content hash, published once, never run.</summary>
public class DefinitionDraftTests
{
    private static WorkflowDefinition Draft(int version, string outcome, string id = "drafted") =>
        DefinitionJson.Parse(Flows.Versioned(version, outcome).Replace("\"id\": \"versioned\"", $"\"id\": \"{id}\"")).Definition!;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_draft_can_be_replaced_until_it_is_published_and_never_after(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        var catalog = engine.Catalog;

        var created = await catalog.SaveDraftAsync(Draft(1, "a"), null);
        created.Outcome.Should().Be(DefinitionSaveOutcome.Created);
        var first = created.Stored!;
        first.Should().Match<StoredDefinition>(d => !d.IsPublished && d.Origin == DefinitionOrigin.Database);
        (await catalog.SaveDraftAsync(Draft(1, "a"), null)).Outcome.Should().Be(DefinitionSaveOutcome.Unchanged);
        (await catalog.SaveDraftAsync(Draft(1, "b"), null)).Outcome.Should().Be(DefinitionSaveOutcome.PreconditionRequired);
        (await catalog.SaveDraftAsync(Draft(1, "b"), "0000")).Should().Match<DefinitionSaveResult>(r =>
            r.Outcome == DefinitionSaveOutcome.HashMismatch && r.Stored!.ContentHash == first.ContentHash);

        var replaced = await catalog.SaveDraftAsync(Draft(1, "b"), first.ContentHash);
        replaced.Outcome.Should().Be(DefinitionSaveOutcome.Replaced);
        (await engine.Store.FindDefinitionAsync("drafted", 1))!.ContentHash.Should().Be(replaced.Stored!.ContentHash);

        (await catalog.PublishAsync("drafted", 1, null)).Outcome.Should().Be(DefinitionPublishOutcome.Published);
        (await catalog.PublishAsync("drafted", 1, null)).Outcome.Should().Be(DefinitionPublishOutcome.AlreadyPublished);
        (await catalog.SaveDraftAsync(Draft(1, "c"), replaced.Stored.ContentHash)).Should().Match<DefinitionSaveResult>(r =>
            r.Outcome == DefinitionSaveOutcome.Published && r.NextVersion == 2);
        (await engine.Store.ReplaceDraftDefinitionAsync(replaced.Stored with { Content = "{}", ContentHash = "x" }, replaced.Stored.ContentHash))
            .Should().BeFalse("the store itself refuses to change a published version");
        (await engine.Store.FindDefinitionAsync("drafted", 1))!.ContentHash.Should().Be(replaced.Stored.ContentHash);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task No_case_runs_on_a_draft_and_new_cases_take_the_highest_published_version(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        var catalog = engine.Catalog;
        await catalog.SaveDraftAsync(Draft(1, "first"), null);

        var byDefault = () => engine.StartAsync("drafted");
        await byDefault.Should().ThrowAsync<DefinitionNotFoundException>();
        var byVersion = () => engine.Runtime.StartAsync(new StartCaseRequest { DefinitionId = "drafted", Version = 1 });
        await byVersion.Should().ThrowAsync<DefinitionNotFoundException>();

        await catalog.PublishAsync("drafted", 1, null);
        await catalog.SaveDraftAsync(Draft(2, "second"), null);
        var onFirst = await engine.StartAsync("drafted");
        await catalog.PublishAsync("drafted", 2, null);
        var onSecond = await engine.StartAsync("drafted");
        await engine.SendAsync(onFirst, "go");
        await engine.SendAsync(onSecond, "go");
        (await engine.GetAsync(onFirst)).Should().Match<InstanceSnapshot>(s => s.DefinitionVersion == 1 && s.Outcome == "first");
        (await engine.GetAsync(onSecond)).Should().Match<InstanceSnapshot>(s => s.DefinitionVersion == 2 && s.Outcome == "second");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Of_concurrent_saves_from_the_same_draft_exactly_one_wins(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        var start = (await engine.Catalog.SaveDraftAsync(Draft(1, "base"), null)).Stored!.ContentHash;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => engine.Catalog.SaveDraftAsync(Draft(1, $"edit-{i}"), start))));

        var winner = results.Should().ContainSingle(r => r.Outcome == DefinitionSaveOutcome.Replaced).Subject;
        results.Where(r => r != winner).Should().OnlyContain(r => r.Outcome == DefinitionSaveOutcome.HashMismatch && r.Stored!.ContentHash == winner.Stored!.ContentHash);
        (await engine.Store.FindDefinitionAsync("drafted", 1))!.ContentHash.Should().Be(winner.Stored!.ContentHash);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_publish_racing_a_save_publishes_only_content_that_was_validated(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        for (var round = 0; round < 5; round++)
        {
            var id = $"race-{round}";
            var start = (await engine.Catalog.SaveDraftAsync(Draft(1, "checked", id), null)).Stored!.ContentHash;
            var save = Task.Run(() => engine.Catalog.SaveDraftAsync(Draft(1, "late", id), start));
            var publish = Task.Run(() => engine.Catalog.PublishAsync(id, 1, null));
            var (saved, published) = (await save, await publish);

            var stored = (await engine.Store.FindDefinitionAsync(id, 1))!;
            if (saved.Outcome == DefinitionSaveOutcome.Replaced)
            {
                // The save came first: the publish saw either the old content (and its guarded update matched nothing) or the new.
                published.Outcome.Should().BeOneOf(DefinitionPublishOutcome.HashMismatch, DefinitionPublishOutcome.Published);
                if (published.Outcome == DefinitionPublishOutcome.Published) published.Stored!.ContentHash.Should().Be(stored.ContentHash);
                else stored.IsPublished.Should().BeFalse();
            }
            else
            {
                saved.Outcome.Should().Be(DefinitionSaveOutcome.Published);
                published.Outcome.Should().Be(DefinitionPublishOutcome.Published);
                stored.Should().Match<StoredDefinition>(d => d.IsPublished && d.ContentHash == start);
            }
        }
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task File_versions_are_read_only(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        var shipped = await engine.Catalog.AddAsync(Draft(3, "shipped"), DefinitionOrigin.File, publish: true);

        (await engine.Catalog.SaveDraftAsync(Draft(4, "mine"), null)).Outcome.Should().Be(DefinitionSaveOutcome.ReadOnly);
        (await engine.Catalog.SaveDraftAsync(Draft(3, "shipped"), null)).Outcome.Should().Be(DefinitionSaveOutcome.ReadOnly);
        (await engine.Catalog.PublishAsync("drafted", 3, null)).Outcome.Should().Be(DefinitionPublishOutcome.ReadOnly);
        (await engine.Store.ListDefinitionVersionsAsync("drafted")).Should().ContainSingle().Which.Should().Be(shipped);
        (await engine.Store.PublishDefinitionAsync("drafted", 3, shipped.ContentHash)).Should().BeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_invalid_draft_is_not_stored(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider);
        var broken = DefinitionJson.Parse(Flows.Versioned(1, "x").Replace("\"type\": \"End\"", "\"type\": \"Ending\"")).Definition!;
        var save = () => engine.Catalog.SaveDraftAsync(broken, null);
        (await save.Should().ThrowAsync<InvalidDefinitionException>()).Which.Errors.Should().Contain(e => e.Path == "$.activities[2].type");
        (await engine.Store.ListDefinitionVersionsAsync("versioned")).Should().BeEmpty();
    }
}
