namespace Approvals.Host.Options;

/// <summary>The <c>Approvals</c> configuration section.</summary>
public sealed class ApprovalsOptions
{
    /// <summary>Where the embedded SQLite database lives (relative to the working directory).</summary>
    public string DataDirectory { get; set; } = "App_Data";
}
