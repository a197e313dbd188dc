namespace Approvals.Engine.Models;

/// <summary>A workflow variable declared by the definition, with its initial value as written.</summary>
public sealed record VariableDefinition(string Id, string Name, string? TypeName, string? InitialValue);
