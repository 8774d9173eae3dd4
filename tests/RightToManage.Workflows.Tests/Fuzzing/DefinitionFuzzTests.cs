using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;
using RightToManage.Workflows.Validation;
using Xunit.Abstractions;

namespace RightToManage.Workflows.Tests.Fuzzing;

/// <summary>
/// Random mutations of the shipped definitions, put through what a designer's save goes through: whatever the input, the
/// answer is a list of errors each naming where in the document it is, or a definition that stores, publishes and runs;
/// never an exception. <c>RTM_FUZZ_DEFINITIONS</c> sets how many mutants (seeds 0 to n−1); <c>RTM_FUZZ_SEED</c> runs one.
/// </summary>
public class DefinitionFuzzTests(ITestOutputHelper output)
{
    private const int DefaultMutants = 3_000;

    private static readonly JsonDocumentOptions ShapeOptions = new()
    {
        // A shape nests up to 100 levels (see Mutant.Shape), beyond the default 64.
        MaxDepth = 1_000,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    [Fact]
    public async Task A_mutated_definition_is_refused_with_errors_at_its_paths_or_saved_and_run()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "workflow-definitions"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Json: File.ReadAllText(f))).ToList();
        sources.Should().HaveCountGreaterThanOrEqualTo(3);
        await using var save = await DesignerSave.CreateAsync();
        var types = save.Catalog.Registry.Descriptors.Select(d => d.TypeName).ToList();

        var seeds = Environment.GetEnvironmentVariable("RTM_FUZZ_SEED") is { Length: > 0 } one
            ? [int.Parse(one)]
            : Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("RTM_FUZZ_DEFINITIONS"), out var n) ? n : DefaultMutants);
        var failures = new ConcurrentBag<(int Seed, string Report)>();
        var (refused, accepted) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (seed, _) =>
        {
            var (name, json) = sources[seed % sources.Count];
            Mutant mutant;
            try
            {
                mutant = DefinitionMutator.Create(name, json, seed, types);
            }
            catch (Exception ex)
            {
                failures.Add((seed, $"{name} seed {seed}: the mutator itself failed: {ex}"));
                return;
            }
            var problems = new List<string>();
            try
            {
                if (await CheckAsync(save, mutant, problems)) Interlocked.Increment(ref accepted);
                else Interlocked.Increment(ref refused);
            }
            catch (Exception ex)
            {
                problems.Add($"unhandled {ex}");
            }
            if (problems.Count > 0) failures.Add((seed, Record(mutant, problems)));
        });
        output.WriteLine($"{seeds.Count()} mutants in {clock.Elapsed.TotalSeconds:0.0} s: {refused} refused with errors, " +
            $"{accepted} saved, published and started; {failures.Count} failed.");

        if (!failures.IsEmpty)
        {
            var first = failures.OrderBy(f => f.Seed).Take(10).Select(f => f.Report);
            Assert.Fail($"{failures.Count} mutant(s) were not refused with errors at their paths, nor saved and run. " +
                $"Each is in {ArtifactsFolder}. The first:{Environment.NewLine}{string.Join(Environment.NewLine, first)}");
        }
        // Guards the fuzzer itself: mutants that all pass, or all fail, would test little.
        if (refused + accepted >= 300)
        {
            refused.Should().BeGreaterThan((refused + accepted) / 2, "most mutations should break a definition");
            accepted.Should().BeGreaterThan(0, "some mutations (a rename, a removed description) should leave it valid");
        }
    }

    [Fact]
    public void The_same_seed_makes_the_same_mutant()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "workflow-definitions", "proposal-notice-decision.json"));
        string[] types = ["Start", "End", "UserTask"];
        for (var seed = 0; seed < 50; seed++)
        {
            var first = DefinitionMutator.Create("proposal-notice-decision.json", json, seed, types);
            var again = DefinitionMutator.Create("proposal-notice-decision.json", json, seed, types);
            again.Text.Should().Be(first.Text);
            again.Mutations.Should().Equal(first.Mutations);
            first.Mutations.Should().NotBeEmpty();
        }
    }

    /// <summary>
    /// Validates the mutant as the Host's <c>/validate</c> and save endpoints do, and stores, publishes and starts it when
    /// it is valid. Adds what is wrong to <paramref name="problems"/>; true when the mutant was accepted.
    /// </summary>
    private static async Task<bool> CheckAsync(DesignerSave save, Mutant mutant, List<string> problems)
    {
        // What DefinitionValidator.Validate(string), which the /validate and save endpoints call, does; parsed once here
        // rather than twice because parsing is most of a mutant's cost.
        var parsed = DefinitionJson.Parse(mutant.Text);
        var definition = parsed.Definition;
        if (definition is null && parsed.Errors.Count == 0) problems.Add("DefinitionJson.Parse gave neither a definition nor an error");
        var errors = definition is null ? parsed.Errors : save.Catalog.Validator.Validate(definition);

        using (var shape = JsonDocument.Parse(mutant.Shape, ShapeOptions))
        {
            foreach (var error in errors)
            {
                if (string.IsNullOrWhiteSpace(error.Code) || string.IsNullOrWhiteSpace(error.Message))
                    problems.Add($"error without a code or message: {error}");
                if (ErrorPath.Problem(error.Path, shape.RootElement, mutant.Truncated) is { } wrong)
                    problems.Add($"error path {error.Path} does not resolve ({wrong}): {error}");
            }
        }
        if (errors.Count > 0)
        {
            // The catalog validates again before it stores: checked for a sample, as it costs a second validation.
            if (definition is not null && mutant.Seed % 10 == 0)
            {
                try
                {
                    await save.Catalog.SaveDraftAsync(definition, expectedContentHash: null);
                    problems.Add("SaveDraftAsync stored a definition the validator refuses");
                }
                catch (InvalidDefinitionException)
                {
                    // Refused, as it must be.
                }
            }
            return false;
        }
        if (definition is null)
        {
            problems.Add("no errors, but no definition either");
            return false;
        }

        // Each valid mutant under its own id, so that none replaces another's draft.
        var ours = definition with { Id = $"fuzz-{mutant.Seed}" };
        var saved = await save.Catalog.SaveDraftAsync(ours, expectedContentHash: null);
        if (saved.Outcome != DefinitionSaveOutcome.Created)
        {
            problems.Add($"a valid definition was not saved: {saved.Outcome}");
            return false;
        }
        // Publishing parses and validates the stored text again: a definition must survive its own round trip.
        var published = await save.Catalog.PublishAsync(ours.Id, ours.Version, saved.Stored!.ContentHash);
        if (published.Outcome != DefinitionPublishOutcome.Published)
        {
            problems.Add($"a valid, saved definition was not published: {published.Outcome} {string.Join("; ", published.Errors)}");
            return false;
        }
        var started = await save.Runtime.StartAsync(new StartCaseRequest { DefinitionId = ours.Id, Reference = $"fuzz-{mutant.Seed}" });
        if (started.Outcome != StimulusOutcome.Applied) problems.Add($"a case could not start on a published definition: {started.Outcome} {started.Message}");
        return true;
    }

    private static string ArtifactsFolder => Path.Combine(RepositoryFiles.Root, "artifacts", "fuzz");

    /// <summary>Writes the mutant to artifacts/fuzz and says how to make it again.</summary>
    private static string Record(Mutant mutant, List<string> problems)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var file = Path.Combine(ArtifactsFolder, $"{Path.GetFileNameWithoutExtension(mutant.Source)}-seed-{mutant.Seed}.json");
        File.WriteAllText(file, mutant.Text);
        var report = $"{mutant}{Environment.NewLine}" +
            $"  mutant: {file}{Environment.NewLine}" +
            $"  again: RTM_FUZZ_SEED={mutant.Seed} dotnet test tests/RightToManage.Workflows.Tests -c Release --filter FullyQualifiedName~DefinitionFuzzTests{Environment.NewLine}" +
            string.Join(Environment.NewLine, problems.Select(p => $"  {(p.Length > 2_000 ? p[..2_000] + "…" : p)}"));
        File.WriteAllText(Path.ChangeExtension(file, ".txt"), report);
        return report;
    }
}
