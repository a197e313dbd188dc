namespace Approvals.Activities.Audit;

/// <summary>The single row that says where the audit chain ends; appending moves it, so appends are serialised.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; } = 1;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
