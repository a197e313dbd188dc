namespace Approvals.Engine.Contracts;

/// <summary>Used when no job scheduler is configured: due timers are then found by polling the bookmark table.</summary>
internal sealed class NullTimerScheduler : ITimerScheduler
{
    public Task ScheduleAsync(TimerRequest timer, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task UnscheduleAsync(string bookmarkId, CancellationToken cancellationToken) => Task.CompletedTask;
}
