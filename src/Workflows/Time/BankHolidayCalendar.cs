using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightToManage.Workflows.Time;

/// <summary>
/// Working days in England and Wales: weekdays that are not bank holidays. Bank holidays come from the
/// standing rules plus the one-off changes shipped in <c>bank-holidays.json</c> and any given by
/// configuration. Immutable; safe to share.
/// </summary>
public sealed class BankHolidayCalendar
{
    private readonly IReadOnlyList<BankHolidayChange> _changes;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> _years = new();

    public BankHolidayCalendar(IEnumerable<BankHolidayChange> changes) => _changes = changes.ToList();

    /// <summary>The rules with the shipped one-off changes.</summary>
    public static BankHolidayCalendar EnglandAndWales { get; } = new(ShippedChanges());

    /// <summary>A calendar with further one-off changes (e.g. a newly proclaimed holiday) applied after these.</summary>
    public BankHolidayCalendar With(IEnumerable<BankHolidayChange> changes) => new(_changes.Concat(changes));

    public IReadOnlyList<BankHolidayChange> Changes => _changes;

    public bool IsBankHoliday(DateOnly day) => Year(day.Year).ContainsKey(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    public IEnumerable<BankHoliday> HolidaysIn(int year) => Year(year).OrderBy(p => p.Key).Select(p => new BankHoliday(p.Key, p.Value));

    private IReadOnlyDictionary<DateOnly, string> Year(int year) => _years.GetOrAdd(year, y =>
    {
        var days = BankHolidayRules.For(y).ToDictionary(h => h.Date, h => h.Name);
        foreach (var change in _changes.Where(c => c.Date.Year == y))
        {
            if (change.Change == BankHolidayChangeKind.Add) days[change.Date] = change.Name;
            else days.Remove(change.Date);
        }
        return days;
    });

    private static IEnumerable<BankHolidayChange> ShippedChanges()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RightToManage.Workflows.Time.bank-holidays.json")
            ?? throw new InvalidOperationException("bank-holidays.json is not embedded.");
        var file = JsonSerializer.Deserialize<ShippedFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return file.Changes;
    }

    private sealed record ShippedFile(string Description, IReadOnlyList<BankHolidayChange> Changes);
}
