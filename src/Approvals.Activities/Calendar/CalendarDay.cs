namespace Approvals.Activities.Calendar;

/// <summary>A day that differs from the plain week: a public holiday, or a weekend day worked instead (调休).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string? Name { get; set; }
}

public enum CalendarDayKind
{
    Holiday,
    AdjustedWorkday,
}
