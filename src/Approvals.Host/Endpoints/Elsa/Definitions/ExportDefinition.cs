using System.Text;
using Approvals.Engine.Definitions;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary><c>GET /elsa/api/workflow-definitions/{definitionId}/export?versionOptions</c>: a version as an Elsa 3 JSON file.</summary>
internal static class ExportDefinition
{
    public static void Map(RouteGroupBuilder read) => read.MapGet("/{definitionId}/export", HandleAsync);

    private static async Task<IResult> HandleAsync(string definitionId, string? versionOptions, WorkflowDefinitionStore store) =>
        await FindAsync(store, definitionId, versionOptions) is { } record
            ? Results.File(Encoding.UTF8.GetBytes(WorkflowDefinitionStore.ToDocument(record).ToJson()), "application/json",
                $"{definitionId}.json")
            : NotFound(definitionId);
}
