using System.Globalization;
using System.Xml;

namespace Approvals.Activities.Calendar;

/// <summary>
/// A due date or interval as policy data writes it: a whole number is working days (<c>5</c>, or <c>-2</c> for
/// "two working days before"); an ISO 8601 duration is exact time (<c>PT30S</c>, <c>P30D</c>), so drills and
/// tests can run on seconds.
/// </summary>
public readonly record struct WorkDuration(int? WorkingDays, TimeSpan? Exact)
{
    public static WorkDuration? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            return new WorkDuration(days, null);
        if (text.EndsWith("wd", StringComparison.OrdinalIgnoreCase) && int.TryParse(text[..^2], NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out days))
            return new WorkDuration(days, null);
        try
        {
            return new WorkDuration(null, XmlConvert.ToTimeSpan(text));
        }
        catch (FormatException)
        {
            throw new FormatException($"'{text}' is neither a number of working days nor an ISO 8601 duration such as PT30S.");
        }
    }

    public async Task<DateTimeOffset> AfterAsync(DateTimeOffset from, WorkingCalendar calendar,
        CancellationToken cancellationToken = default) =>
        WorkingDays is { } days ? await calendar.AddWorkingDaysAsync(from, days, cancellationToken) : from + Exact!.Value;

    public bool IsPositive => WorkingDays is { } d ? d > 0 : Exact > TimeSpan.Zero;
}
