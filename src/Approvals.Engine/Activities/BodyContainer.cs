using Approvals.Engine.Contracts;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>A container that runs its body once, as a child instance, and completes when that has finished.</summary>
public abstract class BodyContainer : Activity, IContainsBody
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.Node.Body is null) context.Complete();
        else context.StartBody();
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override ValueTask CancelAsync(ActivityExecutionContext context, Models.Bookmark bookmark) =>
        ChildRuns.Cancel(context, bookmark);
}
