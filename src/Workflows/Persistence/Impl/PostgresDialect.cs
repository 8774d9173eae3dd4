using System.Data.Common;

namespace RightToManage.Workflows.Persistence.Impl;

internal sealed class PostgresDialect : SqlDialect
{
    public override string Provider => "postgres";
    public override string UuidType => "uuid";
    public override string TimeType => "timestamptz";
    public override string BoolType => "boolean";

    // A row lock: one executor per case across every node; others queue behind it.
    public override string LockSuffix => " FOR UPDATE";

    public override string SkipLockedSuffix => " FOR UPDATE SKIP LOCKED";

    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(727378)";

    public override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(ReadCommitted, cancellationToken);

    public override object Uuid(Guid value) => value;
    public override Guid ReadUuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);
    public override object Time(DateTimeOffset value) => value.ToUniversalTime();
    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
