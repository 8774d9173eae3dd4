using System.Globalization;
using RightToManage.Bench.Inbox;
using RightToManage.Bench.Scale;

// A database of many cases, most waiting on tasks or timers, and what the Host does with it. Commands (see bench/README.md):
//
//   RightToManage.Bench.Scale templates --connection <cs> --definition workflow-definitions/proposal-notice-decision.json
//       [--templates 1000] [--cases 1000000] [--firing 15000]
//     Creates the template cases through WorkflowRuntime (bench/Inbox's Population) and prints "templates …".
//   RightToManage.Bench.Scale clone --connection <cs> [--templates 1000] [--cases 1000000]
//     Copies the templates (and the Quartz triggers the Host made for their timers) up to --cases cases with set-based SQL and
//     prints "clone …" per table and in all.
//   RightToManage.Bench.Scale check --connection <cs> --definition <file> [--samples 30]
//     Runs sample copies through the runtime (journal verification, a task claimed and completed, a timer fired) and prints "check …".
//   RightToManage.Bench.Scale http --address <url> --connection <cs> --password <demo password> [--clients 1,8] [--iterations 200]
//     Inbox and case-search latency through the Host's HTTP API as the demo officer, TMO member and administrator.
//   RightToManage.Bench.Scale firing --connection <cs> --due <instant> [--timeout-seconds 1800]
//     Waits until every timer due at --due has fired, then prints "firing …" (rate, lateness, exactly once).

var inv = CultureInfo.InvariantCulture;
var command = args.Length > 0 ? args[0] : "";
var named = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i]] = args[++i];
    else return Usage($"unexpected argument {args[i]}");
}
string? Opt(string name) => named.GetValueOrDefault(name);
int Int(string name, int fallback) => Opt(name) is { } v ? int.Parse(v, inv) : fallback;
if (Opt("--connection") is not { } connection) return Usage("--connection is required");
var templates = Int("--templates", 1000);
var cases = Int("--cases", 1_000_000);
var set = new TemplateSet(templates, cases, Int("--firing", 15_000));

switch (command)
{
    case "templates":
    {
        if (Opt("--definition") is not { } definitionFile) return Usage("--definition is required");
        if (templates < 100 || cases < templates) return Usage("--templates is at least 100 and at most --cases");
        Console.WriteLine(await set.CreateAsync(await Engine.StartAsync(connection, definitionFile)));
        return 0;
    }
    case "clone":
    {
        foreach (var line in await Cloning.RunAsync(connection, set.Population, cases, Int("--workers", 2))) Console.WriteLine(line);
        return 0;
    }
    case "check":
    {
        if (Opt("--definition") is not { } definitionFile) return Usage("--definition is required");
        Console.WriteLine(await CloneCheck.RunAsync(await Engine.StartAsync(connection, definitionFile), connection, templates, Int("--samples", 30)));
        return 0;
    }
    case "http":
    {
        if (Opt("--address") is not { } address || Opt("--password") is not { } password) return Usage("--address and --password are required");
        var clients = (Opt("--clients") ?? "1,8").Split(',').Select(s => int.Parse(s, inv)).ToArray();
        foreach (var line in await HttpWorkload.RunAsync(new Uri(address), connection, password, clients, Int("--iterations", 200))) Console.WriteLine(line);
        return 0;
    }
    case "firing":
    {
        if (Opt("--due") is not { } due) return Usage("--due is required");
        Console.WriteLine(await TimerFiring.RunAsync(connection, DateTimeOffset.Parse(due, inv, DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(Int("--timeout-seconds", 1800))));
        return 0;
    }
    default:
        return Usage($"unknown command '{command}'");
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"{problem}\nusage: RightToManage.Bench.Scale templates|clone|check|http|firing --connection <cs> … (see bench/README.md)");
    return 2;
}
