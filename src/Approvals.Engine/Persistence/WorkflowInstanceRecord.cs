using Approvals.Engine.Models;

namespace Approvals.Engine.Persistence;

/// <summary>A workflow instance row; <see cref="Data"/> holds the serialised <see cref="WorkflowState"/>.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; }
    public WorkflowSubStatus SubStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int IncidentCount { get; set; }
    public required string Data { get; set; }

    /// <summary>Optimistic concurrency token: every commit increments it, and a commit from a stale read fails.</summary>
    public long ConcurrencyVersion { get; set; }
}
