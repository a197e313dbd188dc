using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Waits one interval, then continues; inside a loop it fires every interval.</summary>
[Activity("Elsa", "Timer", "Scheduling", DisplayName = "Timer", Description = "Continues after an interval.", Kind = ActivityKind.Trigger)]
public sealed class Timer : Activity
{
    public const string BookmarkName = "Elsa.Timer";

    [Input(Description = "The interval (00:01:00 or ISO 8601 such as PT1M).", Required = true)]
    public TimeSpan Interval { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Interval), "The timer's interval must be positive.");
        if (context.IsTriggerStart)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.CreateBookmark(BookmarkName, context.ExecutionId, resumeAt: context.Now + Interval);
        return ValueTask.CompletedTask;
    }
}
