namespace Approvals.Activities.Quotas;

/// <summary>A unit's yearly quota of outbound trips and persons, set by an administrator (policy data).</summary>
public sealed class UnitQuota
{
    public required string UnitId { get; set; }
    public int Year { get; set; }
    public int Trips { get; set; }
    public int Persons { get; set; }
}
