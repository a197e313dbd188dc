using Approvals.Engine.Models;

namespace Approvals.Engine.Runtime;

/// <summary>
/// A resume asked not to be kept if it faulted did fault: nothing of it was saved (the bookmark still waits), and
/// <see cref="Incidents"/> say what went wrong.
/// </summary>
public sealed class WorkflowFaultException(string instanceId, IReadOnlyList<Incident> incidents)
    : Exception($"The workflow could not go on: {string.Join("; ", incidents.Select(i => $"{i.ActivityId}: {i.Message}"))}")
{
    public string InstanceId { get; } = instanceId;
    public IReadOnlyList<Incident> Incidents { get; } = incidents;
}
