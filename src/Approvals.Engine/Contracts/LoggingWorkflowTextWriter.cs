using Microsoft.Extensions.Logging;

namespace Approvals.Engine.Contracts;

internal sealed class LoggingWorkflowTextWriter(ILogger<LoggingWorkflowTextWriter> logger) : IWorkflowTextWriter
{
    public void WriteLine(string workflowInstanceId, string text) =>
        logger.LogInformation("Workflow {InstanceId}: {Text}", workflowInstanceId, text);
}
