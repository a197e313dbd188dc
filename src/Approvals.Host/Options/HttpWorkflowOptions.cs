namespace Approvals.Host.Options;

/// <summary>
/// Workflows started or resumed by HTTP requests (<c>Elsa.HttpEndpoint</c>): where their routes live and how large a body may be.
/// </summary>
public sealed class HttpWorkflowOptions
{
    /// <summary>The path every endpoint's route is relative to (Elsa's default).</summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>The largest request body read into a workflow.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
