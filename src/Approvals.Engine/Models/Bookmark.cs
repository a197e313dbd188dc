using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>
/// A point where an instance waits. A stimulus finds it by (<see cref="Name"/>, <see cref="Hash"/>);
/// a timer bookmark also has <see cref="ResumeAt"/>.
/// </summary>
public sealed class Bookmark
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string Name { get; init; }
    public required string Hash { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityExecutionId { get; init; }
    public JsonObject? Payload { get; init; }
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>
    /// While set and in the future, a sweep has claimed this timer and is resuming it; a claim that stalls (its host
    /// died) lapses at this time and the timer is claimed again.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? CorrelationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
