using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>
/// A message to deliver after commit (an email, a notice). Written in the same transaction as the
/// state change that causes it; delivered at least once by a dispatcher, idempotently by <see cref="Id"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Kind { get; init; }
    public string? WorkflowInstanceId { get; init; }
    public required JsonObject Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
