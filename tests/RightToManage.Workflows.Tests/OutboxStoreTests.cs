using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>Claiming, leasing and settling outbox messages, as dispatchers on several nodes do.</summary>
public class OutboxStoreTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-22T10:00:00Z");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static async Task<(TestEngine Engine, List<Guid> Cases)> WithMessagesAsync(string provider, int count)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Faulty);
        var cases = new List<Guid>();
        for (var i = 0; i < count; i++) cases.Add(await engine.StartAsync("faulty"));
        return (engine, cases);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Concurrent_claimers_never_get_the_same_message(string provider)
    {
        var (engine, _) = await WithMessagesAsync(provider, 12);
        var now = engine.Clock.GetUtcNow();
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => engine.Store.Outbox.ClaimAsync("email", now, Lease, 5))));
        var ids = claims.SelectMany(c => c.Select(m => m.Message.Id)).ToList();
        ids.Should().OnlyHaveUniqueItems().And.HaveCount(12);
        claims.SelectMany(c => c).Should().OnlyContain(m => m.Attempt == 1 && m.LeasedUntil == now + Lease);
        (await engine.Store.Outbox.ClaimAsync("email", now, Lease, 50)).Should().BeEmpty("every message is leased");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_lease_that_runs_out_lets_another_dispatcher_try_again(string provider)
    {
        var (engine, _) = await WithMessagesAsync(provider, 1);
        var now = engine.Clock.GetUtcNow();
        var first = (await engine.Store.Outbox.ClaimAsync("email", now, Lease, 10)).Single();
        (await engine.Store.Outbox.ClaimAsync("email", now + Lease - TimeSpan.FromSeconds(1), Lease, 10)).Should().BeEmpty();
        var second = (await engine.Store.Outbox.ClaimAsync("email", now + Lease, Lease, 10)).Single();
        second.Message.Id.Should().Be(first.Message.Id);
        second.Attempt.Should().Be(2, "the attempt that died counts");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_failed_attempt_waits_for_its_backoff_and_a_sent_message_is_never_claimed_again(string provider)
    {
        var (engine, cases) = await WithMessagesAsync(provider, 1);
        var now = engine.Clock.GetUtcNow();
        var claimed = (await engine.Store.Outbox.ClaimAsync("email", now, Lease, 10)).Single();
        await engine.Store.Outbox.RetryLaterAsync(claimed.Message.Id, now + TimeSpan.FromSeconds(30), "connection refused");
        (await engine.Store.Outbox.ClaimAsync("email", now + TimeSpan.FromSeconds(29), Lease, 10)).Should().BeEmpty();
        var again = (await engine.Store.Outbox.ClaimAsync("email", now + TimeSpan.FromSeconds(30), Lease, 10)).Single();
        again.Attempt.Should().Be(2);

        await engine.Store.Outbox.MarkSentAsync(again.Message.Id, now + TimeSpan.FromSeconds(31), """{"to":["a@b.example"]}""");
        (await engine.Store.Outbox.ClaimAsync("email", now + TimeSpan.FromDays(1), Lease, 10)).Should().BeEmpty();
        var entry = (await engine.Store.Outbox.ReadAsync(cases[0])).Single();
        entry.Status.Should().Be(OutboxStatus.Sent);
        entry.Attempts.Should().Be(2);
        entry.LastError.Should().BeNull();
        entry.Delivery.Should().Contain("a@b.example");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Giving_up_raises_one_incident_and_a_resend_queues_the_message_again_and_resolves_it(string provider)
    {
        var (engine, cases) = await WithMessagesAsync(provider, 1);
        var id = cases[0];
        var now = engine.Clock.GetUtcNow();
        var claimed = (await engine.Store.Outbox.ClaimAsync("email", now, Lease, 10)).Single();
        Incident Raise() => new(Guid.NewGuid(), id, claimed.Message.Activity, "The email could not be sent.", null, now) { OutboxId = claimed.Message.Id };
        await engine.Store.Outbox.MarkFailedAsync(claimed.Message.Id, "550 mailbox unavailable", null, Raise());
        await engine.Store.Outbox.MarkFailedAsync(claimed.Message.Id, "550 mailbox unavailable", null, Raise());

        var incident = (await engine.Store.ReadIncidentsAsync(id)).Should().ContainSingle("a second node failing it too raises nothing more").Subject;
        incident.OutboxId.Should().Be(claimed.Message.Id);
        (await engine.Store.Outbox.ReadAsync(id)).Single().Status.Should().Be(OutboxStatus.Failed);
        (await engine.GetAsync(id)).Status.Should().Be(InstanceStatus.Waiting, "a failed delivery does not fault the case");

        (await engine.Store.Outbox.ResendAsync(Guid.NewGuid(), claimed.Message.Id, now, "admin")).Should().BeFalse("not that case's message");
        (await engine.Store.Outbox.ResendAsync(id, claimed.Message.Id, now, "admin")).Should().BeTrue();
        (await engine.Store.Outbox.ResendAsync(id, claimed.Message.Id, now, "admin")).Should().BeFalse("it is pending again");
        (await engine.Store.ReadIncidentsAsync(id)).Single().ResolvedBy.Should().Be("admin");
        var resent = (await engine.Store.Outbox.ClaimAsync("email", now, Lease, 10)).Single();
        resent.Attempt.Should().Be(1, "a resend starts its attempts afresh");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Claims_take_only_their_own_kind(string provider)
    {
        var (engine, _) = await WithMessagesAsync(provider, 2);
        (await engine.Store.Outbox.ClaimAsync("reminder-email", engine.Clock.GetUtcNow(), Lease, 10)).Should().BeEmpty();
        (await engine.Store.Outbox.CountAsync())[OutboxStatus.Pending].Should().Be(2);
    }
}
