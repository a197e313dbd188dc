namespace Approvals.Activities.Audit;

/// <summary>
/// Where one audit chain ends (a request's, an instance's, or one person's administrative actions). Appending locks and
/// moves only this chain's head, so writers on different requests never meet; the verifier compares each chain with
/// its head, so removing the last entries of a chain is found too.
/// </summary>
public sealed class AuditChainHead
{
    public required string ChainId { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
