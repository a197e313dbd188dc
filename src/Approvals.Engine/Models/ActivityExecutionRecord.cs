using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>One execution of one activity: when it started, how it ended, its outcomes and outputs.</summary>
public sealed class ActivityExecutionRecord
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public string? ActivityName { get; init; }
    public ActivityStatus Status { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<string> Outcomes { get; set; } = [];
    public JsonObject? Outputs { get; set; }
    public string? Exception { get; set; }
    public bool HasBookmarks { get; set; }
}
