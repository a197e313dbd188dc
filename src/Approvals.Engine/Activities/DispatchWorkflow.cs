using System.Text.Json.Nodes;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Starts another workflow in the background (after this burst commits); waits for it only when asked.</summary>
[Activity("Elsa", "DispatchWorkflow", "Composition", DisplayName = "Dispatch Workflow",
    Description = "Starts another workflow in the background.")]
public sealed class DispatchWorkflow : ExecuteWorkflow
{
    [Output(DisplayName = "Child instance id", Description = "The instance that was started.")]
    public string? ChildWorkflowInstanceId { get; set; }

    protected override void OnStarted(ActivityExecutionContext context, string childId) => ChildWorkflowInstanceId = childId;

    protected override void OnFinished(ActivityExecutionContext context, JsonObject finished) =>
        ChildWorkflowInstanceId = finished["childInstanceId"]?.GetValue<string>();
}
