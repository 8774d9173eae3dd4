using System.Text.Json;
using RightToManage.CrashHarness;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Persistence.Impl;
using RightToManage.Workflows.Runtime;

// A child process for the crash test. It creates `cases` counter cases (ids derived from the seed, so a
// restarted process finds the same ones) and sends each `steps` events with deterministic idempotency
// keys, from several concurrent workers. The test kills it with SIGKILL at random moments and restarts
// it: re-sent events must be recognised, and no committed event may be lost.
// Usage: CrashHarness <postgres|sqlite> <connection string> <cases> <steps>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: CrashHarness <postgres|sqlite> <connection string> <cases> <steps>");
    return 2;
}
var store = args[0] == "postgres" ? WorkflowStores.Postgres(args[1]) : WorkflowStores.Sqlite(args[1]);
int cases = int.Parse(args[2]), steps = int.Parse(args[3]);
await store.MigrateAsync();
var catalog = new DefinitionCatalog(store, ActivityRegistry.BuiltIn.With(typeof(Increment)));
await catalog.AddAsync(DefinitionJson.Parse(CounterDefinition.Json).Definition!, DefinitionOrigin.Database, publish: true);
var runtime = new WorkflowRuntime(store, catalog);

var ids = Enumerable.Range(0, cases).Select(CaseId).ToArray();
foreach (var id in ids)
    await runtime.StartAsync(new StartCaseRequest { DefinitionId = CounterDefinition.Id, InstanceId = id });
Console.WriteLine("started");

await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
{
    for (var step = 0; step < steps; step++)
    {
        await runtime.SendAsync(new Stimulus { InstanceId = id, EventName = "step", IdempotencyKey = $"step-{step}", Payload = JsonSerializer.SerializeToElement(step) }, ct);
    }
});
Console.WriteLine("done");
return 0;

static Guid CaseId(int index) => new($"00000000-0000-7000-8000-{index:D12}");
