using Approvals.Engine.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Runtime;

/// <summary>
/// Resumes due timer bookmarks (and delivers events whose hand-off was lost) by polling, for hosts without a job scheduler. The table is
/// the durable timer, so a timer that fell due while the process was down fires at the next poll.
/// </summary>
internal sealed class DueTimerPoller(IServiceProvider services, IOptions<EngineOptions> options,
    ILogger<DueTimerPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TimerPollingInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var runtime = services.GetRequiredService<WorkflowRuntime>();
                await runtime.ResumeDueTimersAsync(stoppingToken);
                await runtime.DeliverPendingEventsAsync(stoppingToken);
                await runtime.StartDueTriggersAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Resuming due timers failed; trying again at the next poll.");
            }
        }
    }
}
