using Approvals.Engine.Contracts;
using Hangfire;
using Hangfire.States;

namespace Approvals.Host.Jobs;

/// <summary>
/// Timers on Hangfire: a committed timer bookmark becomes a scheduled job (its id kept in Hangfire's own storage,
/// so the job can be deleted when the bookmark goes away). The job re-checks the bookmark, so a stale job is harmless.
/// </summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, JobStorage storage) : ITimerScheduler
{
    public const string JobsHash = "approvals:timer-jobs";

    public Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken)
    {
        var jobId = jobs.Create<TimerJob>(j => j.ResumeAsync(timer.BookmarkId), new ScheduledState(timer.DueAt.UtcDateTime));
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(JobsHash, [new KeyValuePair<string, string>(timer.BookmarkId, jobId)]);
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        if (connection.GetAllEntriesFromHash(JobsHash)?.GetValueOrDefault(bookmarkId) is { } jobId)
        {
            jobs.Delete(jobId);
            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveHash(JobsHash);
            var rest = connection.GetAllEntriesFromHash(JobsHash)!.Where(e => e.Key != bookmarkId).ToList();
            if (rest.Count > 0) transaction.SetRangeInHash(JobsHash, rest);
            transaction.Commit();
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether a live (scheduled, enqueued or processing) job exists for the bookmark.</summary>
    public bool HasLiveJob(string bookmarkId)
    {
        using var connection = storage.GetConnection();
        if (connection.GetAllEntriesFromHash(JobsHash)?.GetValueOrDefault(bookmarkId) is not { } jobId) return false;
        var state = connection.GetStateData(jobId)?.Name;
        return state == ScheduledState.StateName || state == EnqueuedState.StateName || state == ProcessingState.StateName || state == AwaitingState.StateName;
    }
}
