using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>Elsa's Variable syntax: reads a workflow variable by name or id.</summary>
internal sealed class VariableEvaluator : IExpressionEvaluator
{
    public string Syntax => WorkflowExpression.Variable;

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context)
    {
        var reference = Reference(expression);
        var name = context.VariableDefinitions.FirstOrDefault(v => v.Id == reference || v.Name == reference)?.Name ?? reference;
        if (name is null || !context.Variables.TryGetValue(name, out var value))
            throw new ExpressionFaultException($"Variable '{reference}' is not defined.");
        return ValueTask.FromResult(ValueConverter.Convert(value, targetType));
    }

    private static string? Reference(WorkflowExpression expression) => expression.Value switch
    {
        JsonObject o => (o["name"] ?? o["id"])?.GetValue<string>(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    public string? Validate(WorkflowExpression expression) =>
        string.IsNullOrWhiteSpace(Reference(expression)) ? "The Variable expression names no variable." : null;
}
