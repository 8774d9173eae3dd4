using Microsoft.Data.Sqlite;
using Npgsql;
using RightToManage.Workflows.Persistence.Impl;

namespace RightToManage.Workflows.Persistence;

/// <summary>Creates the store for a database.</summary>
public static class WorkflowStores
{
    /// <summary>PostgreSQL, for production: cases locked per row, so many nodes can share one database.</summary>
    public static IWorkflowStore Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The same few statements run for every transition: let Npgsql prepare them rather than have
        // the server parse and plan each one every time (unless the connection string says otherwise).
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        // The store keeps no session state (its only lock is transaction-scoped), so the reset Npgsql runs
        // each time a connection returns to the pool (more statements than a transition) buys nothing.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return new SqlWorkflowStore(NpgsqlDataSource.Create(builder.ToString()), new PostgresDialect());
    }

    /// <summary>
    /// SQLite, the embedded default: one file, no setup. Writers are serialised by the database, so it
    /// suits one server process.
    /// </summary>
    public static IWorkflowStore Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder) Directory.CreateDirectory(folder);
        return new SqlWorkflowStore(SqliteFactory.Instance.CreateDataSource(builder.ToString()), new SqliteDialect());
    }
}
