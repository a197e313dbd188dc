namespace Approvals.Engine.Models;

/// <summary>A wrapped input as Elsa 3 stores it: <c>{typeName, expression:{type, value}}</c>.</summary>
/// <param name="JsonName">The property name as written in the definition (camelCase).</param>
public sealed record InputBinding(string JsonName, string? TypeName, WorkflowExpression Expression);
