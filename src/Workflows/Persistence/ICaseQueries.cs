namespace RightToManage.Workflows.Persistence;

/// <summary>Lists of cases for searches and trackers, backed by indexes.</summary>
public interface ICaseQueries
{
    /// <summary>A page of matching cases, and how many match in all.</summary>
    Task<(IReadOnlyList<CaseSummary> Cases, long Total)> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default);
}
