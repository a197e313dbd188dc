namespace Approvals.Engine.Activities;

/// <summary>How Elsa 3 definitions name a variable: by id, with its name beside it.</summary>
public sealed record VariableReference(string? Id, string? Name);
