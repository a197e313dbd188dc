using Approvals.Activities.Calendar;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>One day of a year's calendar: a holiday or an adjusted workday, with its name.</summary>
public sealed record CalendarDayBody(DateOnly Date, CalendarDayKind Kind, string? Name);
