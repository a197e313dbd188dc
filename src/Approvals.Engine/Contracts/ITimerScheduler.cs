namespace Approvals.Engine.Contracts;

/// <summary>
/// Hands committed timer bookmarks to a job scheduler. The bookmark row is the durable timer:
/// the scheduler is told only after commit, and a job for a bookmark that no longer exists does nothing.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken);
    Task UnscheduleAsync(string bookmarkId, CancellationToken cancellationToken);
}

/// <summary>A timer due at <see cref="DueAt"/> that resumes bookmark <see cref="BookmarkId"/> of an instance.</summary>
public sealed record TimerRequest(string BookmarkId, string WorkflowInstanceId, DateTimeOffset DueAt);
