using Approvals.Engine.Execution;
using Approvals.Engine.Models;

namespace Approvals.Engine.Contracts;

/// <summary>
/// The base of every activity. A new object is made for each execution and its <c>[Input]</c>
/// properties are set from the definition's evaluated expressions before
/// <see cref="ExecuteAsync"/> runs; an activity keeps no state between executions.
/// </summary>
public abstract class Activity
{
    /// <summary>
    /// Runs the activity. Call <see cref="ActivityExecutionContext.Complete"/> to continue along ports, or create a bookmark to wait.
    /// </summary>
    public virtual ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs when a bookmark this activity created is resumed; <see cref="ActivityExecutionContext.Resumed"/> says which.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs when a bookmark of this activity is removed without being resumed (branch or instance cancelled).</summary>
    public virtual ValueTask CancelAsync(ActivityExecutionContext context, Bookmark bookmark) => ValueTask.CompletedTask;
}
