using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Waits for a duration. The wait is a timer bookmark in the database, so it survives restarts.</summary>
[Activity("Elsa", "Delay", "Scheduling", DisplayName = "Delay", Description = "Waits for a duration (00:05:00 or ISO 8601 such as PT30S).")]
public sealed class Delay : Activity
{
    public const string BookmarkName = "Elsa.Delay";

    [Input(DisplayName = "Time span", Description = "How long to wait.", Required = true)]
    public TimeSpan TimeSpan { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CreateBookmark(BookmarkName, context.ExecutionId, resumeAt: context.Now + TimeSpan);
        return ValueTask.CompletedTask;
    }
}
