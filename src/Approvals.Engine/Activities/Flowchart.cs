using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// A graph of activities. The root one is run by the executor itself; one placed inside a flowchart runs as a child instance
/// of itself (its own activities and connections) and completes when that has finished.
/// </summary>
[Activity("Elsa", "Flowchart", "Flow", DisplayName = "Flowchart", Description = "A graph of activities joined by connections between their ports.")]
public sealed class Flowchart : Activity, IContainsBody
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
