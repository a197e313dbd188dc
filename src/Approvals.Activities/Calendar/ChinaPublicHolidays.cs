namespace Approvals.Activities.Calendar;

/// <summary>
/// The 2026 mainland-China public holidays and adjusted working days as announced by the State Council, seeded as
/// policy data on first start; administrators edit them and add later years.
/// </summary>
public static class ChinaPublicHolidays
{
    public static IReadOnlyList<CalendarDay> Year2026 { get; } =
    [
        .. Holidays("元旦", 2026, 1, 1, 3),
        Workday(2026, 1, 4, "元旦调休"),
        .. Holidays("春节", 2026, 2, 15, 9),
        Workday(2026, 2, 14, "春节调休"),
        Workday(2026, 2, 28, "春节调休"),
        .. Holidays("清明节", 2026, 4, 4, 3),
        .. Holidays("劳动节", 2026, 5, 1, 5),
        Workday(2026, 5, 9, "劳动节调休"),
        .. Holidays("端午节", 2026, 6, 19, 3),
        .. Holidays("中秋节", 2026, 9, 25, 3),
        .. Holidays("国庆节", 2026, 10, 1, 7),
        Workday(2026, 9, 20, "国庆节调休"),
        Workday(2026, 10, 10, "国庆节调休"),
    ];

    private static IEnumerable<CalendarDay> Holidays(string name, int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => new CalendarDay { Date = new DateOnly(year, month, day).AddDays(i),
            Kind = CalendarDayKind.Holiday, Name = name });

    private static CalendarDay Workday(int year, int month, int day, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.AdjustedWorkday, Name = name };
}
