namespace Approvals.Activities.Quotas;

/// <summary>What an approved trip takes from its unit's quota; released when the trip is cancelled or withdrawn.</summary>
public sealed class QuotaUse
{
    public required string RequestId { get; set; }
    public required string UnitId { get; set; }
    public int Year { get; set; }
    public int Trips { get; set; }
    public int Persons { get; set; }
    public DateTimeOffset ConsumedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
}
