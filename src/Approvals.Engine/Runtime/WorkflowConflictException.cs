namespace Approvals.Engine.Runtime;

/// <summary>Another executor kept changing the instance; the operation gave up after its retries.</summary>
public sealed class WorkflowConflictException(string instanceId)
    : Exception($"Workflow instance '{instanceId}' was changed concurrently; try again.")
{
    public string InstanceId { get; } = instanceId;
}
