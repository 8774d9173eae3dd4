using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class SqliteDialect : SqlDialect
{
    public override string Provider => "sqlite";
    public override string UuidType => "TEXT";
    public override string TimeType => "TEXT";
    public override string BoolType => "INTEGER";

    // SQLite has no row locks: BEGIN IMMEDIATE below takes the database's single write lock instead.
    public override string LockSuffix => "";

    public override string? MigrationLockSql => null;

    public override Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A commit is on disk before it returns, whatever this build of SQLite defaults to in WAL mode.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL";
            pragma.ExecuteNonQuery();
        }
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override object Uuid(Guid value) => value.ToString("D");
    public override Guid ReadUuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    // Fixed-width UTC text sorts in time order.
    public override object Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override object Bool(bool value) => value ? 1 : 0;
    public override bool ReadBool(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;
}
