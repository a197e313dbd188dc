using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Cronos;

namespace Approvals.Engine.Activities;

/// <summary>Waits for the next occurrence of a cron schedule; as a trigger it starts the workflow at each occurrence.</summary>
[Activity("Elsa", "Cron", "Scheduling", DisplayName = "Cron",
    Description = "Continues at the next occurrence of a cron expression (UTC; 5 fields, or 6 with seconds).",
    Kind = ActivityKind.Trigger)]
public sealed class Cron : Activity
{
    public const string BookmarkName = "Elsa.Cron";

    [Input(DisplayName = "Cron expression",
        Description = "For example 0 0 * * * * (every hour, with seconds) or */5 * * * * (every five minutes).", Required = true)]
    public string CronExpression { get; set; } = "";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var schedule = Parse(CronExpression);
        if (context.IsTriggerStart)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var next = schedule.GetNextOccurrence(context.Now, TimeZoneInfo.Utc)
            ?? throw new FaultException("cron-never", "Scheduling", $"The cron expression '{CronExpression}' has no next occurrence.");
        context.CreateBookmark(BookmarkName, context.ExecutionId, resumeAt: next);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Reads a cron expression as Elsa does: six fields include seconds, five do not. A bad one is a <see cref="FormatException"/> naming
    /// it.
    /// </summary>
    public static CronExpression Parse(string expression)
    {
        var text = expression.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return Cronos.CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"'{expression}' is not a cron expression: {ex.Message}", ex);
        }
    }
}
