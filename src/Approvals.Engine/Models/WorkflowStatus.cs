namespace Approvals.Engine.Models;

public enum WorkflowStatus
{
    Running,
    Finished,
}

/// <summary>Elsa's finer status: why an instance is running or how it finished.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}
