using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Time;

namespace RightToManage.Workflows.Tests;

/// <summary>Date arithmetic pinned to known dates: published bank holidays, month ends, substitute days.</summary>
public class StatutoryTimeTests
{
    private static readonly BankHolidayCalendar Calendar = BankHolidayCalendar.EnglandAndWales;

    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Theory]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    public void Bank_holidays_match_the_published_list(int year, string expected) =>
        Calendar.HolidaysIn(year).Select(h => h.Date.ToString("yyyy-MM-dd")).Should().Equal(expected.Split(' '));

    [Fact]
    public void Substitute_days_are_named_as_such()
    {
        Calendar.HolidaysIn(2027).Single(h => h.Date == D("2027-12-27")).Name.Should().Be("Christmas Day (substitute day)");
        Calendar.HolidaysIn(2022).Single(h => h.Date == D("2022-01-03")).Name.Should().Be("New Year's Day (substitute day)");
        // Christmas 2022 fell on a Sunday: Boxing Day kept Monday 26th, Christmas moved to Tuesday 27th.
        Calendar.HolidaysIn(2022).Single(h => h.Date == D("2022-12-26")).Name.Should().Be("Boxing Day");
        Calendar.HolidaysIn(2022).Single(h => h.Date == D("2022-12-27")).Name.Should().Be("Christmas Day (substitute day)");
    }

    [Fact]
    public void Configured_changes_apply_on_top_of_the_shipped_ones()
    {
        var proclaimed = Calendar.With([new BankHolidayChange(D("2028-06-09"), BankHolidayChangeKind.Add, "A proclaimed holiday")]);
        proclaimed.IsBankHoliday(D("2028-06-09")).Should().BeTrue();
        Calendar.IsBankHoliday(D("2028-06-09")).Should().BeFalse("the shipped calendar is unchanged");
    }

    [Theory]
    [InlineData("2026-11-20", 28, PeriodUnit.CalendarDays, "2026-12-18")]
    [InlineData("2026-12-20", 28, PeriodUnit.CalendarDays, "2027-01-17")]
    [InlineData("2026-01-31", 1, PeriodUnit.CalendarMonths, "2026-02-28")]
    [InlineData("2028-01-31", 1, PeriodUnit.CalendarMonths, "2028-02-29")]
    [InlineData("2026-11-30", 3, PeriodUnit.CalendarMonths, "2027-02-28")]
    [InlineData("2026-03-15", 15, PeriodUnit.CalendarMonths, "2027-06-15")]
    [InlineData("2026-08-31", 3, PeriodUnit.CalendarMonths, "2026-11-30")]
    public void Calendar_periods_count_days_and_months(string start, int value, PeriodUnit unit, string expected) =>
        new StatutoryPeriod(value, unit).AddTo(D(start), Calendar).Should().Be(D(expected));

    [Theory]
    // Thursday 24 Dec 2026 + 2 working days: Fri 25 and Mon 28 are bank holidays → Tue 29, Wed 30.
    [InlineData("2026-12-24", 2, "2026-12-30")]
    // Thursday 2 April 2026 + 1: Good Friday 3rd and Easter Monday 6th skipped → Tuesday 7 April.
    [InlineData("2026-04-02", 1, "2026-04-07")]
    // Friday + 5 working days = the next Friday.
    [InlineData("2026-11-20", 5, "2026-11-27")]
    // 2022: Wednesday 1 June + 1 skips the moved Spring and the Jubilee holidays → Monday 6 June.
    [InlineData("2022-06-01", 1, "2022-06-06")]
    // 2023: Friday 5 May + 1 skips the coronation holiday → Tuesday 9 May.
    [InlineData("2023-05-05", 1, "2023-05-09")]
    public void Working_days_skip_weekends_and_bank_holidays(string start, int value, string expected) =>
        new StatutoryPeriod(value, PeriodUnit.WorkingDays).AddTo(D(start), Calendar).Should().Be(D(expected));

    [Theory]
    [InlineData("2026-12-18", 7, PeriodUnit.CalendarDays, "2026-12-11")]
    [InlineData("2026-12-30", 2, PeriodUnit.WorkingDays, "2026-12-24")]
    [InlineData("2027-03-31", 1, PeriodUnit.CalendarMonths, "2027-02-28")]
    public void A_period_can_be_counted_back_from_a_due_date(string end, int value, PeriodUnit unit, string expected) =>
        new StatutoryPeriod(value, unit).SubtractFrom(D(end), Calendar).Should().Be(D(expected));

    [Fact]
    public void Easter_is_computed_for_known_years()
    {
        BankHolidayRules.EasterSunday(2024).Should().Be(D("2024-03-31"));
        BankHolidayRules.EasterSunday(2025).Should().Be(D("2025-04-20"));
        BankHolidayRules.EasterSunday(2038).Should().Be(D("2038-04-25"));
    }
}
