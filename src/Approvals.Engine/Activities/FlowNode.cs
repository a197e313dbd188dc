using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Runs the activity in its body (a flowchart, say) and continues when that has finished, however long it waits inside.</summary>
[Activity("Elsa", "FlowNode", "Flow", DisplayName = "Flow Node", Description = "Runs its body and continues when the body has finished.")]
public sealed class FlowNode : Activity, IContainsBody
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

    public override ValueTask CancelAsync(ActivityExecutionContext context, Models.Bookmark bookmark) => BodyRuns.Cancel(context, bookmark);
}
