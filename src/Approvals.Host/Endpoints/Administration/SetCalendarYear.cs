using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>
/// <c>PUT /api/admin/calendar/{year}</c>: the year's days replaced as a whole (audited); problems by day, nothing saved.
/// </summary>
internal static class SetCalendarYear
{
    public sealed record Saved(int Year, int Days);

    public static void Map(RouteGroupBuilder admin) => admin.MapPut("/calendar/{year:int}", HandleAsync);

    private static async Task<IResult> HandleAsync(
        int year, IReadOnlyList<CalendarDayBody> days, HolidayCalendar calendar, HttpContext http)
    {
        var replaced = days.Select(d => new HolidayCalendar.Day(d.Date, d.Kind, d.Name)).ToList();
        var errors = await calendar.SetYearAsync(year, replaced, http.User.UserId());
        return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(new Saved(year, days.Count));
    }
}
