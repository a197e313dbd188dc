using System.Text.Json.Nodes;

namespace Approvals.Engine.Runtime;

public sealed record StartWorkflowOptions
{
    public JsonObject? Input { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>A specific version; the published version when null.</summary>
    public int? Version { get; init; }

    /// <summary>An instance id chosen by the caller (idempotent starts); a new one when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The instance waiting for this one; it is told when this one finishes.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>The trigger activity that started the instance (it completes at once with <see cref="TriggerInput"/>).</summary>
    public string? TriggerActivityId { get; init; }

    public JsonObject? TriggerInput { get; init; }

    /// <summary>Variable values the instance starts with (a container's body gets its parent's variables and the current item).</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>Domain rows (a request, its first audit entry) written in the same transaction as the new instance.</summary>
    public IReadOnlyList<object> CommitItems { get; init; } = [];
}
