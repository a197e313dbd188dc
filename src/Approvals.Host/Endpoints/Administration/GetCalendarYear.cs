using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/calendar/{year}</c>: the year's public holidays and adjusted workdays.</summary>
internal static class GetCalendarYear
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/calendar/{year:int}", async (int year, HolidayCalendar calendar) => Results.Ok(await calendar.YearAsync(year)));
}
