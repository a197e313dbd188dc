using Approvals.Host.Options;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Jobs;

/// <summary>
/// Runs one sweep over and over for the length of a Hangfire recurring job's window: the recurring job starts a window
/// every minute (on any host; the sweeps claim work under leases, so windows that overlap share it), and between passes
/// the loop waits for its signal or the poll interval. A killed window is replaced by the next minute's, and by the one
/// each host starts when it comes up.
/// </summary>
public sealed class SweepLoop(IOptions<JobsOptions> options, ILogger<SweepLoop> logger)
{
    public async Task RunAsync(string name, Func<CancellationToken, Task<int>> pass, SweepSignal? signal,
        CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        var until = DateTimeOffset.UtcNow + jobs.SweepWindow;
        while (!cancellationToken.IsCancellationRequested && DateTimeOffset.UtcNow < until)
        {
            int done;
            try
            {
                done = await pass(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; the claims lapse and the next pass takes them again.
                logger.LogWarning(ex, "The {Sweep} sweep failed; trying again shortly.", name);
                done = 0;
            }
            // A full batch means more is waiting: go on at once.
            if (done >= jobs.SweepBatchSize) continue;
            try
            {
                if (signal is null) await Task.Delay(jobs.SweepPollInterval, cancellationToken);
                else await signal.WaitAsync(jobs.SweepPollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
