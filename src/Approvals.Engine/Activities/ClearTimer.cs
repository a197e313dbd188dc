using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// Cancels the pending timer (Timer, Delay, Cron, StartAt) of another activity of this instance, so it no longer fires (Elsa 2's
/// ClearTimer).
/// </summary>
[Activity("Elsa", "ClearTimer", "Scheduling", DisplayName = "Clear Timer",
    Description = "Cancels the pending timer of an activity in this workflow.")]
public sealed class ClearTimer : Activity
{
    [Input(DisplayName = "Activity id", Description = "The timer activity whose pending timer is cancelled.", Required = true)]
    public string ActivityId { get; set; } = "";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var cleared = context.CancelTimersOf(ActivityId);
        context.Log("TimerCleared", cleared == 0 ? $"No pending timer of '{ActivityId}'."
            : $"Cleared {cleared} pending timer(s) of '{ActivityId}'.");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
