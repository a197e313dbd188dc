namespace Approvals.Engine.Instances;

/// <summary>Which instances a list shows: of a definition (or several), of a correlation id, or matching a search term.</summary>
public sealed record WorkflowInstanceFilter(
    string? DefinitionId = null, IReadOnlyList<string>? DefinitionIds = null, string? CorrelationId = null, string? SearchTerm = null);
