namespace Approvals.Activities.Tasks;

/// <summary>One candidate role of an open task, so the inbox finds "tasks for my roles" by index.</summary>
public sealed class TaskCandidate
{
    public required string TaskId { get; set; }
    public required string Role { get; set; }
    public string? UnitId { get; set; }
    public bool IsOpen { get; set; } = true;
}
