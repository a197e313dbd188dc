using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities;

[Activity("Elsa", "SetVariable", "Primitives", DisplayName = "Set Variable", Description = "Assigns a value to a workflow variable.")]
public sealed class SetVariable : Activity
{
    [Input(Description = "The variable to assign.", UIHint = UIHints.VariablePicker, IsWrapped = false, Required = true)]
    public VariableReference? Variable { get; set; }

    [Input(Description = "The value to assign.")]
    public object? Value { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var reference = Variable ?? throw new ExpressionFaultException("No variable is selected.");
        var definition = context.VariableDefinitions.FirstOrDefault(v => v.Id == reference.Id || v.Name == reference.Name
            || v.Name == reference.Id)
            ?? throw new ExpressionFaultException($"Variable '{reference.Name ?? reference.Id}' is not declared by the workflow.");
        context.SetVariable(definition.Name, Value);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
