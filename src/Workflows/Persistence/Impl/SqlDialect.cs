using System.Data;
using System.Data.Common;

namespace RightToManage.Workflows.Persistence.Impl;

/// <summary>What differs between PostgreSQL and SQLite; everything else is shared SQL.</summary>
internal abstract class SqlDialect
{
    public abstract string Provider { get; }

    /// <summary>Column types substituted into the schema script.</summary>
    public abstract string UuidType { get; }
    public abstract string TimeType { get; }
    public abstract string BoolType { get; }

    /// <summary>Appended to the instance read to lock the row against other executors.</summary>
    public abstract string LockSuffix { get; }

    /// <summary>Appended to a claim's row selection so that concurrent claimers take different rows.</summary>
    public virtual string SkipLockedSuffix => "";

    public abstract Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises schema upgrades across processes, inside the migration transaction.</summary>
    public abstract string? MigrationLockSql { get; }

    public abstract object Uuid(Guid value);
    public abstract Guid ReadUuid(DbDataReader reader, int ordinal);
    public abstract object Time(DateTimeOffset value);
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);
    public virtual object Bool(bool value) => value;
    public virtual bool ReadBool(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public static string? ReadNullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    protected static IsolationLevel ReadCommitted => IsolationLevel.ReadCommitted;
}
