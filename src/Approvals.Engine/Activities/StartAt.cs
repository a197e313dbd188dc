using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Waits until a moment; as a trigger it starts the workflow then.</summary>
[Activity("Elsa", "StartAt", "Scheduling", DisplayName = "Start At", Description = "Continues at the given date and time.",
    Kind = ActivityKind.Trigger)]
public sealed class StartAt : Activity
{
    public const string BookmarkName = "Elsa.StartAt";

    [Input(DisplayName = "Date and time", Description = "When to continue (ISO 8601, with an offset).", Required = true)]
    public DateTimeOffset DateTime { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerStart || DateTime <= context.Now)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.CreateBookmark(BookmarkName, context.ExecutionId, resumeAt: DateTime);
        return ValueTask.CompletedTask;
    }
}
