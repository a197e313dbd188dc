namespace Approvals.Host.Options;

/// <summary>The <c>Hangfire</c> section.</summary>
public sealed class JobsOptions
{
    /// <summary>How often scheduled jobs (timers, reminders, retries) are looked for; Hangfire's own default is 15 s.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 4;
}
