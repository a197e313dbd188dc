namespace Approvals.Host.Options;

/// <summary>The <c>Mail</c> section: delivery retries and the address links in mail point to.</summary>
public sealed class MailOptions
{
    /// <summary>How many times a message is tried before it is marked failed (administrators can resend it).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an action link in a mail stays valid.</summary>
    public TimeSpan ActionLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The host's address as people reach it, for links in mail.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
