using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;

namespace Approvals.Host.Reviewing;

/// <summary>The stages of a flow as the designer named them: activity id, name (the id when unnamed) and type.</summary>
public static class StageNames
{
    public sealed record Stage(string Id, string Name, string Type);

    /// <summary>The stages of a stored definition version.</summary>
    public static IReadOnlyList<Stage> Of(WorkflowDefinitionRecord version) => Of(WorkflowDefinitionStore.ToDocument(version));

    public static IReadOnlyList<Stage> Of(WorkflowDefinitionDocument document) =>
        (document.Json["root"]?["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => a["id"]?.GetValue<string>() is not null)
            .Select(a => new Stage(a["id"]!.GetValue<string>(), a["name"]?.GetValue<string>() ?? a["id"]!.GetValue<string>(),
                a["type"]?.GetValue<string>() ?? ""))
            .DistinctBy(s => s.Id).ToList();
}
