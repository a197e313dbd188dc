using Approvals.Engine.Runtime;
using Hangfire;

namespace Approvals.Host.Jobs;

/// <summary>
/// Hangfire's part in timers: a recurring job whose window claims the due timer bookmarks (delays, due dates, reminders, escalations) and
/// resumes them, delivers the engine's messages (events, child workflows) whose hand-off after commit was lost, and starts workflows whose
/// timer, cron or start-at trigger is due. The bookmark row is the timer, so nothing is scheduled per timer and nothing grows with the
/// number of open timers.
/// </summary>
public sealed class TimerSweep(WorkflowRuntime runtime, SweepLoop loop)
{
    public const string RecurringJobId = "timer-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => loop.RunAsync("timer", async token =>
    {
        var timers = await runtime.ResumeDueTimersAsync(token);
        var events = await runtime.DeliverPendingEventsAsync(token);
        var started = await runtime.StartDueTriggersAsync(token);
        return Math.Max(Math.Max(timers, events), started);
    }, null, cancellationToken);
}
