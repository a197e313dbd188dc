namespace Approvals.Activities.Tasks;

/// <summary>The task does not exist, or the caller may not see it.</summary>
public sealed class TaskNotFoundException(string taskId) : Exception($"Task '{taskId}' was not found.")
{
    public string TaskId { get; } = taskId;
}

/// <summary>The caller is neither the assignee, a candidate, nor an active proxy of either.</summary>
public sealed class TaskForbiddenException(string message) : Exception(message);

/// <summary>The task was already decided (differently) or its stage closed: a second decision is refused.</summary>
public sealed class TaskConflictException(string message, HumanTask task) : Exception(message)
{
    public HumanTask Task { get; } = task;
}

/// <summary>
/// The decision itself is not acceptable (an outcome the stage does not offer, a missing comment); <see cref="Field"/> says which part.
/// </summary>
public sealed class DecisionInvalidException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The decision was valid but the workflow could not go on with it (a fault); nothing was saved and the task is still open.
/// </summary>
public sealed class DecisionFailedException(string message) : Exception(message);
