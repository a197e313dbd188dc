using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>What an expression may see and change: the instance's variables, its input and identity.</summary>
public interface IExpressionContext
{
    string WorkflowInstanceId { get; }
    string? CorrelationId { get; }
    JsonObject WorkflowInput { get; }
    IReadOnlyList<VariableDefinition> VariableDefinitions { get; }
    IReadOnlyDictionary<string, JsonNode?> Variables { get; }
    void SetVariable(string name, object? value);

    /// <summary>The outputs of the last execution of an activity, found by id or name.</summary>
    JsonObject? GetActivityOutput(string activityIdOrName);

    CancellationToken CancellationToken { get; }
}
