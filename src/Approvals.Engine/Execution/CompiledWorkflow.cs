using Approvals.Engine.Descriptors;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>
/// A definition version prepared for execution: nodes indexed, connections by port, reachability and
/// join kinds precomputed, literal inputs converted. Built once per published version and cached.
/// </summary>
public sealed class CompiledWorkflow
{
    public required string VersionId { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required WorkflowDefinitionDocument Document { get; init; }
    public required Flowchart Flowchart { get; init; }
    public required IReadOnlyList<VariableDefinition> Variables { get; init; }

    /// <summary>Names of the inputs the definition declares.</summary>
    public IReadOnlyList<string> InputNames { get; init; } = [];

    /// <summary>Names of the outputs the definition declares (activity outputs bound to them set the workflow's output).</summary>
    public IReadOnlyList<string> OutputNames { get; init; } = [];
    internal ActivityNode[] Nodes { get; init; } = default!;
    internal ActivityDescriptor?[] Descriptors { get; init; } = default!;
    internal Connection[][] Inbound { get; init; } = default!;
    internal Dictionary<string, Connection[]>[] Outbound { get; init; } = default!;

    /// <summary>Reach[a][b]: node b can be reached from node a along one or more connections.</summary>
    internal bool[][] Reach { get; init; } = default!;

    internal JoinKind[] JoinKinds { get; init; } = default!;

    /// <summary>For each node, the indexes of the inbound connections a waiting join needs a token on.</summary>
    internal int[][] RequiredInbound { get; init; } = default!;

    /// <summary>For each node, the nodes of its forward (not loop-back) inbound connections.</summary>
    internal int[][] ForwardSources { get; init; } = default!;
    internal PreparedInput[][] Inputs { get; init; } = default!;
    internal Dictionary<string, int> IndexOf { get; init; } = default!;
    internal int StartIndex { get; init; }

    public ActivityNode? FindNode(string activityId) => IndexOf.TryGetValue(activityId, out var i) ? Nodes[i] : null;
    public ActivityNode? StartNode => StartIndex >= 0 ? Nodes[StartIndex] : null;
}
