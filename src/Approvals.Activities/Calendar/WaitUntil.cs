using System.Globalization;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Calendar;

/// <summary>
/// Waits until a date from the request, shifted in working days or exact time: "2 working days before arrival"
/// is Date = the arrival, Offset = -2; "after the return date" is Date = the return date. A durable timer.
/// </summary>
[Activity("Approvals", "WaitUntil", "Approvals", DisplayName = "Wait until", Description = "Wait until a date, shifted by working days.")]
public sealed class WaitUntil : Activity
{
    public const string BookmarkName = "Approvals.WaitUntil";

    [Input(Description = "The date or date and time (e.g. getInput('data').arrival).",
        Required = true)] public string Date { get; set; } = "";
    [Input(Description = "Shift: working days (-2) or ISO 8601 (-PT30S, P1D).")] public string? Offset { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var at = Parse(Date);
        if (WorkDuration.Parse(Offset) is { } offset) at = await offset.AfterAsync(at, context.GetRequiredService<WorkingCalendar>(),
            context.CancellationToken);
        if (at <= context.Now)
        {
            context.Complete();
            return;
        }
        context.CreateBookmark(BookmarkName, context.ExecutionId, resumeAt: at);
    }

    /// <summary>A date alone means the start of that day in Beijing.</summary>
    private static DateTimeOffset Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, OfficeTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            return moment.ToUniversalTime();
        throw new FormatException($"'{text}' is not a date.");
    }
}
