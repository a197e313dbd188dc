namespace Approvals.Engine.Options;

/// <summary>The JavaScript and Liquid sandbox limits. A script past any of them faults its activity.</summary>
public sealed class ScriptingOptions
{
    public TimeSpan JavaScriptTimeout { get; set; } = TimeSpan.FromSeconds(1);
    public int JavaScriptMaxStatements { get; set; } = 1_000_000;
    public long JavaScriptMemoryLimitBytes { get; set; } = 64L * 1024 * 1024;
    public int JavaScriptMaxRecursion { get; set; } = 256;
    public int LiquidMaxSteps { get; set; } = 100_000;
}
