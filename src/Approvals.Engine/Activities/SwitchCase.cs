using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>A case of <c>Elsa.FlowSwitch</c>: a port label and the condition that selects it.</summary>
public sealed record SwitchCase(string Label, SwitchCondition? Condition);

/// <summary>The case's condition as the definition stores it (<c>{type, value}</c>).</summary>
public sealed record SwitchCondition(string? Type, System.Text.Json.Nodes.JsonNode? Value)
{
    public WorkflowExpression ToExpression() => new(Type ?? WorkflowExpression.JavaScript, Value);
}
