using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approvals.Activities.Tasks;

/// <summary>Moves queued tasks into the title index at start and then every second (see <see cref="TitleIndex"/>).</summary>
internal sealed class TitleIndexCatchUp(TitleIndex index, ILogger<TitleIndexCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!index.Queues) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost: the queue stays, and searches read it until the next batch moves it.
                logger.LogWarning(ex, "Moving queued tasks into the title index failed; trying again in a second.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
