using System.Text.Json.Nodes;
using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Administration;

/// <summary>A year's public holidays and adjusted workdays (调休), replaced as a whole by an administrator.</summary>
public sealed class HolidayCalendar(ApprovalsDbContextFactory factory, WorkingCalendar calendar, TimeProvider clock)
{
    public sealed record Day(DateOnly Date, CalendarDayKind Kind, string? Name);

    public async Task<IReadOnlyList<CalendarDay>> YearAsync(int year)
    {
        await using var db = factory.Create();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync();
    }

    /// <summary>Replaces the year's days; the problems by index when a day lies outside the year (nothing saved).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SetYearAsync(int year, IReadOnlyList<Day> days, string actorId)
    {
        var outside = days.Select((d, i) => (d, i)).Where(x => x.d.Date.Year != year).ToList();
        if (outside.Count > 0) return outside.ToDictionary(x => $"[{x.i}].date", x => new[] { $"{x.d.Date:yyyy-MM-dd} is not in {year}" });
        await using var db = factory.Create();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ToListAsync());
        db.CalendarDays.AddRange(days.DistinctBy(d => d.Date).Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        await AdministrativeChange.SaveAsync(db, actorId, "CalendarSet", new JsonObject { ["year"] = year, ["days"] = days.Count },
            clock.GetUtcNow());
        calendar.Invalidate();
        return new Dictionary<string, string[]>();
    }
}
