namespace Approvals.Host.Options;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class JobsOptions
{
    /// <summary>How often scheduled jobs (timers, reminders, retries) are looked for; Hangfire's own default is 15 s.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int WorkerCount { get; set; } = 4;

    /// <summary>How often an idle Hangfire worker looks for a queued job (each look is a write on the job storage).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the timer and mail sweeps look for due work when nothing wakes them.</summary>
    public TimeSpan SweepPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one run of a sweep's recurring job goes on. It is started every minute, up to a schedule poll plus a queue poll
    /// late, so a window lasts longer than a minute: the next one starts before it ends (overlapping windows share the work).
    /// </summary>
    public TimeSpan SweepWindow { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>How many timers or messages one pass claims.</summary>
    public int SweepBatchSize { get; set; } = 50;

    /// <summary>How long a claim on a due timer holds; a claim whose host died is taken again after this.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(15);
}
