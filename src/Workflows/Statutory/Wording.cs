using System.Globalization;

namespace RightToManage.Workflows.Statutory;

/// <summary>How numbers, shares and dates read in findings and advice meant for officers and tenants.</summary>
internal static class Wording
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A percentage to two places, cut rather than rounded, so that a share just short of a threshold
    /// never reads as reaching it (19.996 % shows as 19.99 %, not 20 %).
    /// </summary>
    public static string Percent(decimal value) =>
        (decimal.Truncate(value * 10_000) / 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Joins "a", "b" and "c" as "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
