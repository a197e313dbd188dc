namespace Approvals.Engine.Definitions;

/// <summary>A definition version that instances ran on cannot be deleted: their history points at it.</summary>
public sealed class DefinitionInUseException(string message) : Exception(message);
