using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>Elsa's Object syntax: the value is JSON (usually as a string) deserialised into the input's type.</summary>
internal sealed class ObjectEvaluator : IExpressionEvaluator
{
    public string Syntax => WorkflowExpression.Object;

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context) =>
        ValueTask.FromResult(ValueConverter.Convert(Parse(expression), targetType));

    private static JsonNode? Parse(WorkflowExpression expression) => expression.Value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : JsonNode.Parse(s),
        var node => node,
    };

    public string? Validate(WorkflowExpression expression)
    {
        try
        {
            Parse(expression);
            return null;
        }
        catch (JsonException ex)
        {
            return $"The Object expression is not valid JSON: {ex.Message}";
        }
    }
}
