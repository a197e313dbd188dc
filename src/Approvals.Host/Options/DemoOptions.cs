namespace Approvals.Host.Options;

/// <summary>
/// The <c>Demo</c> section: seed the demo units and users of the README. Unset, they are seeded in the Development
/// environment only (which <c>dotnet run</c> uses); a production host has no user with a known password.
/// </summary>
public sealed class DemoOptions
{
    public bool? Enabled { get; set; }

    /// <summary>The password of every demo user.</summary>
    public string Password { get; set; } = "Approvals#2026";
}
