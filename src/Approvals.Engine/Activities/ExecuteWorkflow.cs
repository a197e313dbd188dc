using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>
/// Runs another published workflow as a child instance. With "wait for completion" this activity waits until the child
/// finishes and its result carries the child's output; otherwise it continues at once with the child's instance id.
/// </summary>
[Activity("Elsa", "ExecuteWorkflow", "Composition", DisplayName = "Execute Workflow",
    Description = "Runs another workflow, waiting for it to finish if asked.")]
public class ExecuteWorkflow : Activity
{
    [Input(DisplayName = "Workflow definition", Description = "The definition id of the workflow to run.", Required = true)]
    public string WorkflowDefinitionId { get; set; } = "";

    [Input(DisplayName = "Correlation id", Description = "The child's correlation id.")]
    public string? CorrelationId { get; set; }

    [Input(Description = "Input for the child workflow (an object).", UIHint = UIHints.JsonEditor)]
    public object? Input { get; set; }

    [Input(DisplayName = "Wait for completion", Description = "Wait until the child finishes.")]
    public bool WaitForCompletion { get; set; }

    [Output(Description = "workflowInstanceId, status, subStatus and the child's output.")]
    public object? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (string.IsNullOrWhiteSpace(WorkflowDefinitionId)) throw new ExpressionFaultException("No workflow definition is given.");
        var input = ValueConverter.ToJsonNodeReadingText<JsonObject>(Input) switch
        {
            null => null,
            JsonObject o => o,
            var other => throw new ExpressionFaultException(
                $"The input for the child workflow must be an object, not {other.ToJsonString()}."),
        };
        var childId = context.StartWorkflow(WorkflowDefinitionId, input, CorrelationId ?? context.CorrelationId, WaitForCompletion);
        if (WaitForCompletion) return ValueTask.CompletedTask;
        Result = new JsonObject { ["workflowInstanceId"] = childId, ["status"] = "Running", ["subStatus"] = "Pending",
            ["output"] = new JsonObject() };
        OnStarted(context, childId);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var finished = context.ResumeInput ?? [];
        if (finished["error"] is JsonValue error) throw new FaultException("child-missing", "Composition", error.GetValue<string>());
        Result = new JsonObject
        {
            ["workflowInstanceId"] = finished["childInstanceId"]?.DeepClone(),
            ["status"] = finished["status"]?.DeepClone(),
            ["subStatus"] = finished["subStatus"]?.DeepClone(),
            ["output"] = finished["output"]?.DeepClone() ?? new JsonObject(),
        };
        OnFinished(context, finished);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>A cancelled branch cancels the child it waits for.</summary>
    public override ValueTask CancelAsync(ActivityExecutionContext context, Bookmark bookmark) => ChildRuns.Cancel(context, bookmark);

    protected virtual void OnStarted(ActivityExecutionContext context, string childId)
    {
    }

    protected virtual void OnFinished(ActivityExecutionContext context, JsonObject finished)
    {
    }
}
