using Npgsql;
using RightToManage.Workflows.Persistence;

namespace RightToManage.Workflows.Tests.Support;

/// <summary>A fresh, empty database per test, on the real PostgreSQL the test command started or on a SQLite file.</summary>
public static class TestDatabases
{
    public const string Postgres = "postgres";
    public const string Sqlite = "sqlite";

    public static TheoryData<string> Providers => [Postgres, Sqlite];

    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("RTM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("RTM_TEST_POSTGRES is not set. Run ./scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<string> CreateConnectionStringAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "rtm-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
        }
        var name = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ToString();
    }

    public static IWorkflowStore Open(string provider, string connectionString) =>
        provider == Postgres ? WorkflowStores.Postgres(connectionString) : WorkflowStores.Sqlite(connectionString);
}
