using Approvals.Engine.Execution;
using Approvals.Engine.Runtime;
using Hangfire;

namespace Approvals.Host.Jobs;

/// <summary>Resumes a timer bookmark when it falls due. A bookmark that is gone (decided, cancelled, resumed by another host) means nothing to do.</summary>
public sealed class TimerJob(WorkflowRuntime runtime, ILogger<TimerJob> logger)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 15, 60, 300])]
    public async Task ResumeAsync(string bookmarkId)
    {
        try
        {
            await runtime.ResumeAsync(bookmarkId);
        }
        catch (BookmarkNotFoundException)
        {
            logger.LogDebug("Timer {BookmarkId} has nothing left to resume.", bookmarkId);
        }
    }
}
