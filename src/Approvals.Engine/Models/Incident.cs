namespace Approvals.Engine.Models;

/// <summary>A fault recorded against an instance; the instance can be retried from the faulted activity.</summary>
public sealed class Incident
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public required string Message { get; init; }
    public string? ExceptionType { get; init; }
    public string? StackTrace { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
