using Approvals.Engine.Definitions;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>GET /elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions</c> and <c>/by-id/{id}</c>: a definition
/// version, whole, by its definition and version options or by its version id.
/// </summary>
internal static class GetDefinition
{
    public static void Map(RouteGroupBuilder read)
    {
        read.MapGet("/by-definition-id/{definitionId}", ByDefinitionIdAsync);
        read.MapGet("/by-id/{id}", ByVersionIdAsync);
    }

    private static async Task<IResult> ByDefinitionIdAsync(string definitionId, string? versionOptions, WorkflowDefinitionStore store,
        HttpContext http) =>
        await FindAsync(store, definitionId, versionOptions) is { } record ? Results.Json(Full(record, http)) : NotFound(definitionId);

    private static async Task<IResult> ByVersionIdAsync(string id, WorkflowDefinitionStore store, HttpContext http) =>
        await store.FindByVersionIdAsync(id, http.RequestAborted) is { } record ? Results.Json(Full(record, http)) : NotFound(id);
}
