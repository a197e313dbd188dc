namespace Approvals.Host.Endpoints.Proxies;

/// <summary>Who acts for whom, when, and for which workflows (all when none are named).</summary>
public sealed record ProxyBody(
    string? PrincipalId, string? SubstituteId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string>? DefinitionIds);
