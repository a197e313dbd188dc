using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Names the workflow instance (shown in instance lists).</summary>
[Activity("Elsa", "SetName", "Primitives", DisplayName = "Set Name", Description = "Sets the name of the workflow instance.")]
public sealed class SetName : Activity
{
    [Input(Description = "The instance's new name.")]
    public string? Value { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetWorkflowName(Value);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
