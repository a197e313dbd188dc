using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Runs its activities one after another; inside a flowchart it runs as a child instance of itself and completes after the last.</summary>
[Activity("Elsa", "Sequence", "Flow", DisplayName = "Sequence", Description = "Runs its activities one after another.")]
public sealed class Sequence : Activity, IContainsBody
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.StartBody();
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override ValueTask CancelAsync(ActivityExecutionContext context, Models.Bookmark bookmark) => BodyRuns.Cancel(context, bookmark);
}
