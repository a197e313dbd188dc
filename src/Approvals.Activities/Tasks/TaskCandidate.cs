namespace Approvals.Activities.Tasks;

/// <summary>
/// A role a task is offered to (optionally only its members of one unit). It carries the task's inbox order (urgency, due
/// date, creation) so a role's inbox is read off one index in order, a page at a time, however many tasks are open.
/// </summary>
public sealed class TaskCandidate
{
    public required string TaskId { get; set; }
    public required string Role { get; set; }
    public string? UnitId { get; set; }
    /// <summary>Whether the task is in this role's inbox: open and not claimed by anyone.</summary>
    public bool IsOpen { get; set; } = true;

    /// <summary>0 while the task is overdue, 1 otherwise: overdue tasks come first.</summary>
    public int Urgency { get; set; } = 1;

    /// <summary>The task's due date, or the end of time when it has none (so those come last).</summary>
    public DateTimeOffset DueSort { get; set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The task's request type, so a tab filtered by type is counted off the inbox index.</summary>
    public string? RequestType { get; set; }

    /// <summary>The unit of the task's request, so a tab filtered by unit is counted off the inbox index.</summary>
    public string? RequestUnitId { get; set; }

    /// <summary>The task's stage (its activity's id), so a tab filtered by stage is counted off the inbox index.</summary>
    public string? Stage { get; set; }

    /// <summary>The candidate row of <paramref name="task"/> for <paramref name="role"/>, with the task's order.</summary>
    public static TaskCandidate For(HumanTask task, string role, string? unitId, bool isOpen = true) => new()
    {
        TaskId = task.Id,
        IsOpen = isOpen,
        Role = role,
        UnitId = unitId,
        Urgency = task.IsOverdue ? 0 : 1,
        DueSort = task.DueAt ?? DateTimeOffset.MaxValue,
        CreatedAt = task.CreatedAt,
        RequestType = task.RequestType,
        RequestUnitId = task.RequestUnitId,
        Stage = task.ActivityId,
    };
}
