using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>
/// What the warm-up script sees: a variable, an input and an activity output of no instance. It changes nothing anywhere.
/// </summary>
internal sealed class ScriptWarmUpContext : IExpressionContext
{
    /// <summary>The paths the shipped workflows' scripts take: variables, inputs, outputs, JSON, strings, arrays, conditions.</summary>
    public const string Script =
        "var data = getVariable('Data') || {}; var list = [1, 2, 3].map(function (n) { return n * data.size; }); " +
        "setVariable('Result', { count: list.length, text: JSON.stringify(list) }); " +
        "return isNullOrEmpty(getInput('Title')) ? 'none' : String(getTitle()).trim().toUpperCase() + getReviewFromStage();";

    private readonly Dictionary<string, JsonNode?> _variables = new() { ["Data"] = new JsonObject { ["size"] = 6 } };

    public string WorkflowInstanceId => "warm-up";
    public string? CorrelationId => null;
    public JsonObject WorkflowInput { get; } = new() { ["Title"] = " warm-up " };
    public IReadOnlyList<VariableDefinition> VariableDefinitions => [];
    public IReadOnlyDictionary<string, JsonNode?> Variables => _variables;
    public void SetVariable(string name, object? value) => _variables[name] = value as JsonNode;
    public JsonObject? GetActivityOutput(string activityIdOrName) => null;
    public CancellationToken CancellationToken => CancellationToken.None;
    public string WorkflowDefinitionId => "warm-up";
    public IReadOnlyList<string> InputNames => ["Title"];

    public IEnumerable<KeyValuePair<string, JsonObject>> NamedActivityOutputs =>
        [KeyValuePair.Create("Stage", new JsonObject { ["Review"] = "ok" })];

    public JsonNode? LastResult => null;
    public void SetCorrelationId(string? correlationId) { }
}
