using System.Collections.Concurrent;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Calendar;

/// <summary>
/// The mainland-China working-day calendar: Monday to Friday, minus public holidays, plus the weekend days worked
/// instead (调休). Holidays and adjusted days are data (one set per year, edited by administrators).
/// </summary>
public sealed class WorkingCalendar(ApprovalsDbContextFactory factory)
{
    /// <summary>The office's time zone (see <see cref="OfficeTime"/>).</summary>
    public static TimeZoneInfo China => OfficeTime.Zone;

    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDayKind>> _years = new();

    /// <summary>Forgets cached years, after an administrator edited the calendar.</summary>
    public void Invalidate() => _years.Clear();

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var days = await YearAsync(date.Year, cancellationToken);
        if (days.TryGetValue(date, out var kind)) return kind == CalendarDayKind.AdjustedWorkday;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The moment <paramref name="days"/> working days after (or, negative, before) <paramref name="from"/>, at the same
    /// Beijing time of day. Counting starts on the next working day, so a Friday evening plus one is Monday evening.
    /// </summary>
    public async Task<DateTimeOffset> AddWorkingDaysAsync(DateTimeOffset from, int days, CancellationToken cancellationToken = default)
    {
        var local = TimeZoneInfo.ConvertTime(from, China);
        var date = DateOnly.FromDateTime(local.DateTime);
        var step = days >= 0 ? 1 : -1;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (await IsWorkingDayAsync(date, cancellationToken)) left--;
        }
        var target = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(target, China.GetUtcOffset(target)).ToUniversalTime();
    }

    /// <summary>
    /// Working days from <paramref name="now"/> until <paramref name="due"/> (Beijing dates): 0 when due today,
    /// negative when overdue (the working days since). Today itself never counts.
    /// </summary>
    public async Task<int> WorkingDaysUntilAsync(DateTimeOffset now, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, China).DateTime);
        var dueDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, China).DateTime);
        var step = dueDate >= today ? 1 : -1;
        var count = 0;
        for (var date = today; date != dueDate;)
        {
            date = date.AddDays(step);
            if (await IsWorkingDayAsync(date, cancellationToken)) count += step;
        }
        return count;
    }

    private async Task<IReadOnlyDictionary<DateOnly, CalendarDayKind>> YearAsync(int year, CancellationToken cancellationToken)
    {
        if (_years.TryGetValue(year, out var cached)) return cached;
        await using var db = factory.Create();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).ToDictionaryAsync(d => d.Date,
            d => d.Kind, cancellationToken);
        return _years[year] = days;
    }
}
