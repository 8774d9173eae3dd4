using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// Sends mutated requests to an endpoint's targets in batches. Every answer must keep <see cref="ProblemContract"/>
/// unless it accepted the request (then the target checks what was stored); after each batch the store must have
/// changed only where accepted requests allowed, and each target's state must be as it was.
/// </summary>
internal sealed class FuzzDriver(HostFactory host, ITestOutputHelper output)
{
    private const int BatchSize = 25;
    private const int MaxFailures = 25;

    private readonly List<string> _failures = [];
    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly SortedDictionary<string, int> _kinds = [];
    private readonly SortedDictionary<string, int> _accepted = [];
    private readonly Stopwatch _sending = new(), _checking = new();

    public async Task RunAsync(string endpoint, IReadOnlyList<IFuzzTarget> targets)
    {
        var settings = FuzzSettings.FromEnvironment();
        output.WriteLine($"{endpoint}: {settings.RequestsPerEndpoint} requests from seed {settings.Seed} (RTM_FUZZ_API, RTM_FUZZ_SEED)");
        var clock = Stopwatch.StartNew();

        foreach (var target in targets) await ControlAsync(target, settings);

        var accepted = 0;
        var index = 0;
        while (index < settings.RequestsPerEndpoint && _failures.Count < MaxFailures)
        {
            _checking.Start();
            var before = await StoreFingerprint.TakeAsync(host.ConnectionString);
            _checking.Stop();
            var batch = new List<FuzzRequest>();
            var touched = new HashSet<IFuzzTarget>();
            IReadOnlyCollection<string> allowed = [];
            IFuzzTarget? acceptor = null;
            while (batch.Count < BatchSize && index < settings.RequestsPerEndpoint && acceptor is null)
            {
                var requestSeed = settings.RequestSeed(endpoint, index++);
                var random = new Random(requestSeed);
                var target = targets[random.Next(targets.Count)];
                var request = PayloadMutator.Mutate(target.Name, target.Seed(random), requestSeed);
                foreach (var kind in request.Mutations.Select(m => m.Split(' ', '(')[0])) _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
                batch.Add(request);
                var (status, mediaType, text) = await SendAsync(target, request);
                if (status is >= 200 and < 300)
                {
                    accepted++;
                    foreach (var mutation in request.Mutations) _accepted[FuzzRequest.Truncate(mutation, 70)] = _accepted.GetValueOrDefault(FuzzRequest.Truncate(mutation, 70)) + 1;
                    acceptor = target;
                    allowed = await CheckAcceptedAsync(target, request, text);
                    continue;
                }
                touched.Add(target);
                if (ProblemContract.Breach((System.Net.HttpStatusCode)status, mediaType, text, target.FieldNames) is { } breach)
                    Fail(request, breach, status, mediaType, text);
            }

            _checking.Start();
            var changed = (await StoreFingerprint.TakeAsync(host.ConnectionString)).ChangedSince(before).Except(allowed).ToList();
            if (changed.Count > 0)
                _failures.Add($"Refused requests changed the store ({string.Join(", ", changed)}). The batch:\n" +
                    string.Join("\n", batch.Select(r => $"  seed {r.Seed} {r.Target}: {string.Join(" + ", r.Mutations)}")));
            foreach (var target in touched.Where(t => t != acceptor))
                if (await target.UnchangedAsync() is { } problem) _failures.Add($"{target.Name}: after refusals {problem}");
            if (acceptor is not null) await acceptor.RenewAsync();
            _checking.Stop();
        }

        output.WriteLine($"{index} requests in {clock.Elapsed.TotalSeconds:F1} s ({_sending.Elapsed.TotalSeconds:F1} s sending, {_checking.Elapsed.TotalSeconds:F1} s checking the store); " +
            $"{accepted} accepted (valid by accident, checked as stored)");
        output.WriteLine("Statuses: " + string.Join(", ", _statuses.Select(s => $"{s.Key}×{s.Value}")));
        output.WriteLine("Mutations: " + string.Join(", ", _kinds.Select(k => $"{k.Key}×{k.Value}")));
        output.WriteLine("Accepted after: " + string.Join(", ", _accepted.Select(k => $"{k.Key}×{k.Value}")));
        if (_failures.Count > 0)
            Assert.Fail($"Every bad request gets a 4xx problem and stores nothing (seed {settings.Seed}); {_failures.Count} failures:\n\n" + string.Join("\n\n", _failures));
    }

    /// <summary>Each target's seed as it is must be accepted and stored: else refusing its mutations proves nothing.</summary>
    private async Task ControlAsync(IFuzzTarget target, FuzzSettings settings)
    {
        var before = await StoreFingerprint.TakeAsync(host.ConnectionString);
        var request = PayloadMutator.Unmutated(target.Name, target.Seed(new Random(settings.Seed)));
        var (status, _, text) = await SendAsync(target, request);
        if (status is < 200 or >= 300) throw new InvalidOperationException($"The seed of {target.Name} is not valid: {status} {text}\n{request.Describe()}");
        var allowed = await CheckAcceptedAsync(target, request, text);
        var changed = (await StoreFingerprint.TakeAsync(host.ConnectionString)).ChangedSince(before).Except(allowed).ToList();
        if (changed.Count > 0) _failures.Add($"{target.Name}: the valid seed changed more than its own ({string.Join(", ", changed)})");
        await target.RenewAsync();
    }

    private async Task<IReadOnlyCollection<string>> CheckAcceptedAsync(IFuzzTarget target, FuzzRequest request, string response)
    {
        try
        {
            return await target.AcceptedAsync(request, response);
        }
        catch (Exception ex)
        {
            _failures.Add($"Accepted but not stored consistently: {ex.Message}\n{request.Describe()}\n  response: {FuzzRequest.Truncate(response, 600)}");
            return [];
        }
    }

    private async Task<(int Status, string? MediaType, string Text)> SendAsync(IFuzzTarget target, FuzzRequest request)
    {
        _sending.Start();
        using var message = request.ToMessage();
        using var response = await target.Client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        _sending.Stop();
        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        return (status, response.Content.Headers.ContentType?.MediaType, text);
    }

    private void Fail(FuzzRequest request, string breach, int status, string? mediaType, string text)
    {
        var report = new StringBuilder();
        report.AppendLine(breach);
        report.AppendLine(request.Describe());
        report.Append($"  response {status} {mediaType}: {FuzzRequest.Truncate(text, 600)}");
        _failures.Add(report.ToString());
    }
}
