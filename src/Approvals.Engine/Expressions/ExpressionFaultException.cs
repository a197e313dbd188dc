namespace Approvals.Engine.Expressions;

/// <summary>An expression failed (syntax, runtime error, or a sandbox limit). The activity faults; the host is unaffected.</summary>
public sealed class ExpressionFaultException(string message, Exception? inner = null) : Exception(message, inner);
