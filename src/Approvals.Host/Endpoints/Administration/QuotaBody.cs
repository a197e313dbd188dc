namespace Approvals.Host.Endpoints.Administration;

/// <summary>A unit's plan for a year: how many trips and persons.</summary>
public sealed record QuotaBody(int Trips, int Persons);
