using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Finishes the workflow instance, cancelling everything still waiting.</summary>
[Activity("Elsa", "Finish", "Primitives", DisplayName = "Finish", Description = "Finishes the workflow instance.")]
[FlowNode]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
