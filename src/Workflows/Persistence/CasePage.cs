namespace RightToManage.Workflows.Persistence;

/// <summary>A page of a case search and how many cases match.</summary>
/// <param name="Total">How many match; when <paramref name="TotalIsExact"/> is false, at least this many (counting stops at
/// <see cref="CaseQuery.CountUpTo"/>, so a search over every case does not read every case).</param>
public sealed record CasePage(IReadOnlyList<CaseSummary> Cases, long Total, bool TotalIsExact);
