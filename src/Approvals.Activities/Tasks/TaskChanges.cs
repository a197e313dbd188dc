using System.Text.Json.Nodes;
using Approvals.Engine.Persistence;

namespace Approvals.Activities.Tasks;

/// <summary>A task made by a stage, written with the burst that made it.</summary>
public sealed record TaskCreated(HumanTask Task);

/// <summary>A decision on a task. Applied only while the task is still open; otherwise the burst loses and is re-run.</summary>
public sealed record TaskCompleted(string TaskId, string Outcome, string? Comment, string ActedBy, string? OnBehalfOf, string? OperationId,
    DateTimeOffset At, JsonObject? Payload, IReadOnlyList<string> AttachmentIds) : ITaskChange
{
    /// <summary>The columns the commit writes on the task row (<see cref="ApplyTo"/> sets the same on a task in memory).</summary>
    public IReadOnlyList<RowValue> Columns =>
    [
        new(nameof(HumanTask.Status), HumanTaskStatus.Completed),
        new(nameof(HumanTask.Outcome), Outcome),
        new(nameof(HumanTask.Comment), Comment),
        new(nameof(HumanTask.ActedBy), ActedBy),
        new(nameof(HumanTask.OnBehalfOf), OnBehalfOf),
        new(nameof(HumanTask.OperationId), OperationId),
        new(nameof(HumanTask.CompletedAt), At),
        new(nameof(HumanTask.Payload), Payload),
        new(nameof(HumanTask.AttachmentIds), AttachmentIds.ToList()),
    ];

    /// <summary>The task as this decision leaves it: <see cref="Columns"/> set on a copy read before.</summary>
    public HumanTask ApplyTo(HumanTask task)
    {
        task.Status = HumanTaskStatus.Completed;
        task.Outcome = Outcome;
        task.Comment = Comment;
        task.ActedBy = ActedBy;
        task.OnBehalfOf = OnBehalfOf;
        task.OperationId = OperationId;
        task.CompletedAt = At;
        task.Payload = Payload;
        task.AttachmentIds = [.. AttachmentIds];
        return task;
    }
}

/// <summary>A task closed without a decision: its stage closed, or the instance was cancelled.</summary>
public sealed record TaskCancelled(string TaskId, string Reason, DateTimeOffset At) : ITaskChange;

public sealed record TaskReminded(string TaskId, int RemindersSent) : ITaskChange;

public sealed record TaskEscalated(string TaskId, string Role, DateTimeOffset At) : ITaskChange;

public sealed record TaskOverdue(string TaskId) : ITaskChange;
