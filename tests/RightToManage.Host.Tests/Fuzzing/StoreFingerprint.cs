using Npgsql;

namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// What the workflow store holds, read straight from PostgreSQL: a hash per case (its instance row and every row of
/// every table that hangs off it) and per definition version. Comparing two fingerprints says which cases and
/// definitions changed in between, so a refused request that stored anything at all is caught.
/// </summary>
internal sealed class StoreFingerprint
{
    private const string Query = """
        SELECT key, md5(string_agg(row_hash, ',' ORDER BY row_hash)) FROM (
            SELECT 'definition:' || definition_id || '@' || version AS key, 'definitions:' || md5(t::text) AS row_hash FROM wf_definitions t
            UNION ALL SELECT 'case:' || id, 'instances:' || md5(t::text) FROM wf_instances t
            UNION ALL SELECT 'case:' || instance_id, 'journal:' || md5(t::text) FROM wf_journal t
            UNION ALL SELECT 'case:' || instance_id, 'tasks:' || md5(t::text) FROM wf_tasks t
            UNION ALL SELECT 'case:' || instance_id, 'timers:' || md5(t::text) FROM wf_timers t
            UNION ALL SELECT 'case:' || instance_id, 'stimuli:' || md5(t::text) FROM wf_stimuli t
            UNION ALL SELECT 'case:' || instance_id, 'outbox:' || md5(t::text) FROM wf_outbox t
            UNION ALL SELECT 'case:' || instance_id, 'incidents:' || md5(t::text) FROM wf_incidents t
            UNION ALL SELECT 'case:' || instance_id, 'organisations:' || md5(t::text) FROM wf_case_organisations t
            UNION ALL SELECT 'case:' || instance_id, 'documents:' || md5(t::text) FROM wf_documents t
        ) rows GROUP BY key
        """;

    private readonly IReadOnlyDictionary<string, string> _hashes;

    private StoreFingerprint(IReadOnlyDictionary<string, string> hashes) => _hashes = hashes;

    public static async Task<StoreFingerprint> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new Dictionary<string, string>();
        while (await reader.ReadAsync()) hashes[reader.GetString(0)] = reader.GetString(1);
        return new StoreFingerprint(hashes);
    }

    public static string CaseKey(Guid id) => $"case:{id}";

    public static string DefinitionKey(string id, int version) => $"definition:{id}@{version}";

    /// <summary>The cases and definition versions added, removed or changed since <paramref name="before"/>.</summary>
    public IReadOnlySet<string> ChangedSince(StoreFingerprint before) =>
        _hashes.Keys.Union(before._hashes.Keys)
            .Where(key => _hashes.GetValueOrDefault(key) != before._hashes.GetValueOrDefault(key))
            .ToHashSet();
}
