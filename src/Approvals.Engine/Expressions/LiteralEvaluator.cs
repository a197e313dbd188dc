using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

internal sealed class LiteralEvaluator : IExpressionEvaluator
{
    public string Syntax => WorkflowExpression.Literal;

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context) =>
        ValueTask.FromResult(Read(expression, targetType));

    public static object? Read(WorkflowExpression expression, Type targetType)
    {
        if (expression.Value is null) return ValueConverter.Convert(null, targetType);
        if (expression.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (s.Length == 0 && targetType != typeof(string) && targetType != typeof(object))
                return ValueConverter.Convert(null, targetType);
            return ValueConverter.Convert(s, targetType);
        }
        return ValueConverter.Convert(expression.Value, targetType);
    }

    public string? Validate(WorkflowExpression expression) => null;
}
