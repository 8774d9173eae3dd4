using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace RightToManage.Host.Identity;

/// <summary>
/// Creates and upgrades the <c>id_*</c> tables. The database also holds the workflow and scheduler tables, so EF's
/// <c>EnsureCreated</c> (which does nothing once any table exists) cannot be used. Each step runs once, in order, in
/// the caller's transaction under a lock (<c>pg_advisory_xact_lock</c> on PostgreSQL, <c>BEGIN IMMEDIATE</c> on
/// SQLite), and is recorded in <c>id_schema_version</c>; hosts starting together wait for one another.
/// </summary>
/// <remarks>
/// Step 1 creates the tables of the model as it stands. When the model changes, freeze step 1 first (replace it with
/// the DDL that <c>GenerateCreateScript()</c> gives for each provider before the change), then add step 2 with the
/// change itself.
/// </remarks>
public static class IdentitySchema
{
    public const string VersionTable = "id_schema_version";

    /// <summary>Lock id for <c>pg_advisory_xact_lock</c>; the workflow store's migration uses 727378.</summary>
    public const long PostgresLockId = 727379;

    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(727379)";

    private static readonly (int Version, string Description, Func<RtmIdentityDbContext, CancellationToken, Task> Apply)[] Steps =
    [
        (1, "users, roles, organisations, API keys", (db, ct) => db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct)),
    ];

    public static int LatestVersion => Steps[^1].Version;

    /// <summary>Takes the schema lock for the rest of the current transaction (PostgreSQL; SQLite's transaction already holds the write lock).</summary>
    public static async Task LockAsync(RtmIdentityDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Lock the identity schema inside a transaction.");
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(PostgresLockSql, cancellationToken);
    }

    /// <summary>The applied version: 0 when the identity tables do not exist yet.</summary>
    public static async Task<int> CurrentVersionAsync(RtmIdentityDbContext db, CancellationToken cancellationToken)
    {
        var exists = db.Database.IsNpgsql()
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'id_schema_version'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'id_schema_version'";
        if (Convert.ToInt64(await ScalarAsync(db, exists, cancellationToken)) == 0) return 0;
        return Convert.ToInt32(await ScalarAsync(db, "SELECT COALESCE(MAX(version), 0) FROM id_schema_version", cancellationToken));
    }

    /// <summary>Applies the missing steps; call inside a transaction, after <see cref="LockAsync"/>. Returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> UpgradeAsync(RtmIdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(db, cancellationToken);
        if (current > LatestVersion)
            throw new InvalidOperationException($"The database's identity schema is version {current}, newer than this build's {LatestVersion}. Run a newer build.");
        var applied = new List<int>();
        foreach (var (version, _, apply) in Steps.Where(s => s.Version > current))
        {
            await apply(db, cancellationToken);
            db.SchemaVersions.Add(new IdentitySchemaVersion { Version = version, AppliedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            applied.Add(version);
        }
        return applied;
    }

    private static async Task<object?> ScalarAsync(RtmIdentityDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
