namespace RightToManage.Workflows.Time;

/// <summary>
/// The standing rules for bank holidays in England and Wales (Banking and Financial Dealings Act 1971,
/// Schedule 1, with the Early May bank holiday since 1978), including substitute days when a holiday
/// falls at a weekend.
/// </summary>
internal static class BankHolidayRules
{
    public static IReadOnlyList<BankHoliday> For(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<BankHoliday>
        {
            new(Substitute(new DateOnly(year, 1, 1), []), "New Year's Day"),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(FirstMonday(year, 5), "Early May bank holiday"),
            new(LastMonday(year, 5), "Spring bank holiday"),
            new(LastMonday(year, 8), "Summer bank holiday"),
        };
        // A day on a weekday keeps its date; one at a weekend moves to the next weekday not already taken:
        // 25 Dec on Saturday → Christmas Mon 27, Boxing Day Tue 28; on Sunday → Boxing Day Mon 26,
        // Christmas Tue 27 (as GOV.UK names them); on Friday → Boxing Day Mon 28.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        var taken = new[] { christmas, boxingDay }.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToHashSet();
        if (!taken.Contains(christmas)) taken.Add(christmas = Substitute(christmas, taken));
        if (!taken.Contains(boxingDay)) boxingDay = Substitute(boxingDay, taken);
        days.Add(new(christmas, christmas.Day == 25 ? "Christmas Day" : "Christmas Day (substitute day)"));
        days.Add(new(boxingDay, boxingDay.Day == 26 ? "Boxing Day" : "Boxing Day (substitute day)"));
        if (days[0].Date.Day != 1) days[0] = days[0] with { Name = "New Year's Day (substitute day)" };
        return days;
    }

    /// <summary>The day itself if a free weekday, else the next weekday not in <paramref name="taken"/>.</summary>
    private static DateOnly Substitute(DateOnly day, HashSet<DateOnly> taken)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(day)) day = day.AddDays(1);
        return day;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
