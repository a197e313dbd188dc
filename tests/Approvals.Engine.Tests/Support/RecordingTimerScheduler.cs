using System.Collections.Concurrent;
using Approvals.Engine.Contracts;

namespace Approvals.Engine.Tests.Support;

public sealed class RecordingTimerScheduler : ITimerScheduler
{
    public ConcurrentDictionary<string, TimerRequest> Scheduled { get; } = new();
    public ConcurrentBag<string> Unscheduled { get; } = [];

    public Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken)
    {
        Scheduled[timer.BookmarkId] = timer;
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        Scheduled.TryRemove(bookmarkId, out _);
        Unscheduled.Add(bookmarkId);
        return Task.CompletedTask;
    }
}
