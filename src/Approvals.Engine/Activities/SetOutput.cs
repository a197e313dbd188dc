using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities;

/// <summary>Sets one of the workflow's outputs (what a parent, or whoever ran it, receives).</summary>
[Activity("Elsa", "SetOutput", "Primitives", DisplayName = "Set Output", Description = "Sets an output of the workflow.")]
public sealed class SetOutput : Activity
{
    [Input(DisplayName = "Output name", Description = "The workflow output to set.", Required = true)]
    public string OutputName { get; set; } = "";

    [Input(DisplayName = "Output value", Description = "The value to set.")]
    public object? OutputValue { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (string.IsNullOrWhiteSpace(OutputName)) throw new ExpressionFaultException("No output name is given.");
        context.WorkflowOutput[OutputName] = ValueConverter.ToJsonNode(OutputValue);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
