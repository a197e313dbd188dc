namespace Approvals.Host.Endpoints.Administration;

/// <summary>A unit's names and kind (district, bureau or enterprise).</summary>
public sealed record UnitBody(string? Id, string? Name, string? NameEn, string? Kind);
