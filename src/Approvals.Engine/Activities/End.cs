using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Ends the flowchart: other branches and their bookmarks are cancelled.</summary>
[Activity("Elsa", "End", "Flow", DisplayName = "End", Description = "Ends the flowchart; other branches are cancelled.")]
[FlowNode]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
