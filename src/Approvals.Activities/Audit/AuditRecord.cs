using System.Text.Json.Nodes;

namespace Approvals.Activities.Audit;

/// <summary>An action to append to the audit chain; the chain position and hashes are set when it is written.</summary>
public sealed record AuditRecord(string Actor, string Action)
{
    public string? RequestId { get; init; }
    public string? TaskId { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Comment { get; init; }
    public string? StatusBefore { get; init; }
    public string? StatusAfter { get; init; }
    public JsonObject? Data { get; init; }
    public DateTimeOffset At { get; init; }
}
