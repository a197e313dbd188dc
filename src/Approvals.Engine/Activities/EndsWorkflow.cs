using Approvals.Engine.Contracts;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// Ends the workflow instance: every other branch and bookmark is cancelled. With one root flowchart, Elsa's End and Finish both do this.
/// </summary>
public abstract class EndsWorkflow : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
