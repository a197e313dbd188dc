using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>One line of an instance's execution log (Elsa's workflow execution log record).</summary>
public sealed class JournalEntry
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required long Sequence { get; init; }
    public string? ActivityId { get; init; }
    public string? ActivityType { get; init; }
    public string? ActivityName { get; init; }
    public string? ActivityExecutionId { get; init; }
    /// <summary>Started, Completed, Faulted, Suspended, Resumed, Cancelled, WorkflowStarted, WorkflowFinished, …</summary>
    public required string EventName { get; init; }
    public string? Message { get; init; }
    public JsonNode? Payload { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
}
