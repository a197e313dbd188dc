namespace Approvals.Host.Options;

/// <summary>The <c>Demo</c> section: seed the demo units and users of the README.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The password of every demo user.</summary>
    public string Password { get; set; } = "Approvals#2026";
}
