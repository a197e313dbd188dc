namespace Approvals.Engine.Execution;

/// <summary>Raised by <c>Elsa.Fault</c>: a deliberate fault with a code and category.</summary>
public sealed class FaultException(string code, string category, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string Category { get; } = category;
}
