using RightToManage.Workflows.Journal;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RightToManage.Workflows.Tests.Support;

namespace RightToManage.Workflows.Tests;

/// <summary>The journal is the council's audit trail: any change made behind the engine's back is detected.</summary>
public class JournalTamperingTests
{
    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_untouched_journal_verifies(string provider)
    {
        var (engine, id) = await DecidedCaseAsync(provider);
        var verification = await engine.Runtime.VerifyJournalAsync(id);
        verification.IsValid.Should().BeTrue();
        verification.RecordsChecked.Should().Be((await engine.Store.ReadJournalAsync(id)).Count);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_edited_entry_is_detected(string provider)
    {
        var (engine, id) = await DecidedCaseAsync(provider);
        await ExecuteAsync(engine, "UPDATE wf_journal SET steps = replace(steps, '\"refuse\"', '\"accept\"') WHERE sequence = 3");
        var verification = await engine.Runtime.VerifyJournalAsync(id);
        verification.IsValid.Should().BeFalse();
        verification.Problem.Should().Contain("does not match its hash");
        verification.FirstBadSequence.Should().Be(3);
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_removed_entry_is_detected(string provider)
    {
        var (engine, id) = await DecidedCaseAsync(provider);
        await ExecuteAsync(engine, "DELETE FROM wf_journal WHERE sequence = 3");
        var verification = await engine.Runtime.VerifyJournalAsync(id);
        verification.IsValid.Should().BeFalse();
        verification.FirstBadSequence.Should().Be(3, "record 3 is missing");
    }

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_truncated_tail_is_detected(string provider)
    {
        var (engine, id) = await DecidedCaseAsync(provider);
        var length = (await engine.Store.ReadJournalAsync(id)).Count;
        await ExecuteAsync(engine, $"DELETE FROM wf_journal WHERE sequence = {length}");
        (await engine.Runtime.VerifyJournalAsync(id)).IsValid.Should().BeFalse();
    }

    /// <summary>A case with four journal records: start, an early event kept, the notice, and the decision.</summary>
    private static async Task<(TestEngine, Guid)> DecidedCaseAsync(string provider)
    {
        var engine = await TestEngine.CreateAsync(provider, Flows.Sequence);
        var id = await engine.StartAsync("sequence");
        await engine.SendAsync(id, "decision-made", "refuse");
        await engine.SendAsync(id, "notice-served");
        return (engine, id);
    }

    private static async Task ExecuteAsync(TestEngine engine, string sql)
    {
        await using DbConnection connection = engine.Provider == TestDatabases.Postgres
            ? new NpgsqlConnection(engine.ConnectionString)
            : new SqliteConnection(engine.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }
}
