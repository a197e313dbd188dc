using Approvals.Engine.Contracts;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Jobs;

/// <summary>
/// At startup, makes sure every live timer bookmark has a job: a process killed between a commit and the hand-off
/// to Hangfire, or a job lost with its storage, still gets its timer.
/// </summary>
internal sealed class TimerReconciler(WorkflowDbContextFactory factory, ITimerScheduler scheduler, ILogger<TimerReconciler> logger)
{
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        if (scheduler is not HangfireTimerScheduler hangfire) return 0;
        await using var db = factory.Create();
        var timers = await db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null).Select(b => new { b.Id, b.WorkflowInstanceId, b.ResumeAt }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var timer in timers.Where(t => !hangfire.HasLiveJob(t.Id)))
        {
            await hangfire.ScheduleAsync(new TimerRequest(timer.Id, timer.WorkflowInstanceId, timer.ResumeAt!.Value), cancellationToken);
            added++;
        }
        if (added > 0) logger.LogInformation("Scheduled {Count} timers that had no job.", added);
        return added;
    }
}
