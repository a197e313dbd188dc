using Approvals.Engine.Runtime;
using Hangfire;

namespace Approvals.Host.Jobs;

/// <summary>
/// Hangfire's part in timers: a recurring job whose window claims the due timer bookmarks (delays, due dates, reminders,
/// escalations) and resumes them, and delivers published events whose hand-off after commit was lost. The bookmark row
/// is the timer, so nothing is scheduled per timer and nothing grows with the number of open timers.
/// </summary>
public sealed class TimerSweep(WorkflowRuntime runtime, SweepLoop loop)
{
    public const string RecurringJobId = "timer-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => loop.RunAsync("timer", async token =>
    {
        var timers = await runtime.ResumeDueTimersAsync(token);
        var events = await runtime.DeliverPendingEventsAsync(token);
        return Math.Max(timers, events);
    }, null, cancellationToken);
}
