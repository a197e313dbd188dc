namespace Approvals.Host.Options;

/// <summary>The <c>Mail</c> section: delivery retries and the address links in mail point to.</summary>
public sealed class MailOptions
{
    /// <summary>How many times a message is tried before it is marked failed (administrators can resend it).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After the quick retries, a failed message is tried again once this interval...</summary>
    public TimeSpan SlowRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>...for this long after it was written; then it waits for an administrator to resend it.</summary>
    public TimeSpan SlowRetryFor { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How long a sweep's claim on a message holds while it is being sent; a claim whose host died lapses after this and
    /// the message is sent again (with the same Message-Id).
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many messages are sent at once.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How long an action link in a mail stays valid.</summary>
    public TimeSpan ActionLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The host's address as people reach it, for links in mail.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
