using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>Evaluates one expression syntax.</summary>
public interface IExpressionEvaluator
{
    string Syntax { get; }

    ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context);

    /// <summary>Returns a message when the expression cannot be parsed, or null.</summary>
    string? Validate(WorkflowExpression expression);
}
