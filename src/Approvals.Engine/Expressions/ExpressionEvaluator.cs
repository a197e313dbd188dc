using Approvals.Engine.Models;

namespace Approvals.Engine.Expressions;

/// <summary>Dispatches an expression to the evaluator of its syntax.</summary>
public sealed class ExpressionEvaluator(IEnumerable<IExpressionEvaluator> evaluators)
{
    private readonly Dictionary<string, IExpressionEvaluator> _bySyntax =
        evaluators.ToDictionary(e => e.Syntax, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Syntaxes => _bySyntax.Keys;

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context) =>
        _bySyntax.TryGetValue(expression.Type, out var evaluator)
            ? evaluator.EvaluateAsync(expression, targetType, context)
            : throw new ExpressionFaultException($"Expression syntax '{expression.Type}' is not supported.");

    /// <summary>A message when the syntax is unknown or the expression does not parse; null when it is fine.</summary>
    public string? Validate(WorkflowExpression expression) =>
        _bySyntax.TryGetValue(expression.Type, out var evaluator)
            ? evaluator.Validate(expression)
            : $"Expression syntax '{expression.Type}' is not supported (use {string.Join(", ", _bySyntax.Keys)}).";

    /// <summary>For JavaScript: the functions it calls by bare name without declaring them; null for other syntaxes.</summary>
    public IReadOnlyCollection<string>? UndeclaredCalls(WorkflowExpression expression) =>
        _bySyntax.TryGetValue(expression.Type, out var evaluator) && evaluator is JavaScriptEvaluator js && expression.Text is { } code
            ? js.UndeclaredCalls(code) : null;
}
