namespace Approvals.Activities.Proxies;

/// <summary>A substitute who may act for <see cref="PrincipalId"/> in a period, for some or all workflow definitions.</summary>
public sealed class Proxy
{
    public required string Id { get; set; }
    public required string PrincipalId { get; set; }
    public required string SubstituteId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }

    /// <summary>Definition ids the proxy covers; empty covers all.</summary>
    public List<string> DefinitionIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public bool Covers(DateTimeOffset at, string definitionId) =>
        at >= From && at < To && (DefinitionIds.Count == 0 || DefinitionIds.Contains(definitionId));
}
