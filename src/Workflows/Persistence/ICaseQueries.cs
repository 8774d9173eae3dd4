namespace RightToManage.Workflows.Persistence;

/// <summary>Lists of cases for searches and trackers, backed by indexes.</summary>
public interface ICaseQueries
{
    /// <summary>A page of matching cases, and how many match (counted up to <see cref="CaseQuery.CountUpTo"/>).</summary>
    Task<CasePage> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default);
}
