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

    string WorkflowDefinitionId { get; }

    /// <summary>The inputs the definition declares (each gets a <c>get&lt;Name&gt;()</c> in JavaScript).</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>
    /// Each activity's name (or id) with the outputs of its last execution (<c>get&lt;Output&gt;From&lt;Activity&gt;()</c>).
    /// </summary>
    IEnumerable<KeyValuePair<string, JsonObject>> NamedActivityOutputs { get; }

    /// <summary>The result of the last activity that produced one.</summary>
    JsonNode? LastResult { get; }

    void SetCorrelationId(string? correlationId);
}
