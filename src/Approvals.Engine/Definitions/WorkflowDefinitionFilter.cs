namespace Approvals.Engine.Definitions;

/// <summary>
/// Which definition versions a list shows and in what order: <see cref="Versions"/> is Elsa's version option (Latest, Published,
/// LatestOrPublished, All); <see cref="OrderBy"/> is Name (then version), Version or Created.
/// </summary>
public sealed record WorkflowDefinitionFilter(
    string Versions = "Latest", string? SearchTerm = null, IReadOnlyList<string>? DefinitionIds = null, string? OrderBy = null,
    bool Descending = false);
