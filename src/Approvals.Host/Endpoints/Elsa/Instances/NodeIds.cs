using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// Elsa names activities in a running workflow by node id (<c>Workflow1:Flowchart1:division</c>); the studio matches on it.
/// </summary>
internal sealed record NodeIds(string RootId, string RootNodeId, IReadOnlyDictionary<string, string> ByActivity)
{
    public string Of(string? activityId) => activityId is null || activityId == RootId ? RootNodeId
        : ByActivity.GetValueOrDefault(activityId, $"{RootNodeId}:{activityId}");

    /// <summary>The node ids of the definition version an instance runs (Elsa's defaults when the instance is unknown).</summary>
    public static async Task<NodeIds> OfInstanceAsync(
        WorkflowInstanceStore instances, WorkflowDefinitionStore definitions, string instanceId, CancellationToken cancellationToken) =>
        await OfVersionAsync(definitions, await instances.DefinitionVersionIdOfAsync(instanceId, cancellationToken), cancellationToken);

    /// <summary>The node ids of a definition version (Elsa's defaults when there is none).</summary>
    public static async Task<NodeIds> OfVersionAsync(WorkflowDefinitionStore definitions, string? versionId,
        CancellationToken cancellationToken)
    {
        var root = versionId is null ? null : await definitions.FindByVersionIdAsync(versionId, cancellationToken) is { } version
            ? WorkflowDefinitionStore.ToDocument(version).Json["root"] : null;
        var rootId = root?["id"]?.GetValue<string>() ?? "Flowchart1";
        var rootNodeId = root?["nodeId"]?.GetValue<string>() ?? $"Workflow1:{rootId}";
        var byActivity = new Dictionary<string, string>();
        foreach (var activity in root?["activities"]?.AsArray().OfType<JsonObject>() ?? [])
            if (activity["id"]?.GetValue<string>() is { } activityId)
                byActivity[activityId] = activity["nodeId"]?.GetValue<string>() ?? $"{rootNodeId}:{activityId}";
        return new NodeIds(rootId, rootNodeId, byActivity);
    }
}
