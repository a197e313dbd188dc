using System.Text.Json.Nodes;

namespace Approvals.Activities.Audit;

/// <summary>
/// One action on a request or task. Entries are append-only and chained per <see cref="ChainId"/>: <see cref="Hash"/>
/// covers the entry's fields and <see cref="PreviousHash"/>, so an edit made in the database breaks the chain at that entry.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>
    /// The chain: <c>request:&lt;id&gt;</c>, <c>instance:&lt;id&gt;</c> or <c>actor:&lt;user&gt;</c>; empty for entries of the single chain
    /// of before.
    /// </summary>
    public string ChainId { get; set; } = "";

    /// <summary>The entry's position in its chain, from 1.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string? RequestId { get; set; }
    public string? TaskId { get; set; }
    public string? WorkflowInstanceId { get; set; }
    public required string Actor { get; set; }
    public string? OnBehalfOf { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public string? StatusBefore { get; set; }
    public string? StatusAfter { get; set; }
    public JsonObject? Data { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
