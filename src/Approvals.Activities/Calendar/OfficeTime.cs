using System.Globalization;

namespace Approvals.Activities.Calendar;

/// <summary>
/// The office's time zone (<c>Approvals:TimeZone</c>, Asia/Shanghai unless configured): every date shown, defaulted or
/// counted in working days is a date there, not in UTC (between 00:00 and 08:00 Beijing time the UTC date is yesterday).
/// </summary>
public static class OfficeTime
{
    public const string DefaultZone = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>Sets the zone by its IANA id; throws with the setting's name when the id is unknown.</summary>
    public static void Use(string? zoneId)
    {
        var id = string.IsNullOrWhiteSpace(zoneId) ? DefaultZone : zoneId.Trim();
        try
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Approvals:TimeZone '{id}' is not a time zone this machine knows (use an IANA id such as Asia/Shanghai).", ex);
        }
    }

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>A moment as pages and mail show it: the office's date and time to the minute (<c>2026-12-02 17:30</c>).</summary>
    public static string Display(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);
}
