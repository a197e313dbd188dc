using Approvals.Engine.Definitions;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// Deleting (administrators): <c>DELETE /elsa/api/workflow-definitions/{definitionId}</c> (every version), <c>DELETE
/// /elsa/api/workflow-definition-versions/{id}</c> (one version), <c>POST
/// /elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id</c>
/// (several definitions). A definition that running instances still use is refused (409).
/// </summary>
internal static class DeleteDefinition
{
    public sealed record BulkBody(string[]? DefinitionIds);

    public static void Map(RouteGroupBuilder write, RouteGroupBuilder admin)
    {
        write.MapDelete("/{definitionId}", DeleteAsync);
        admin.MapDelete("/workflow-definition-versions/{id}", DeleteVersionAsync);
        admin.MapPost("/bulk-actions/delete/workflow-definitions/by-definition-id", DeleteManyAsync);
    }

    private static async Task<IResult> DeleteAsync(string definitionId, WorkflowDefinitionStore store) =>
        await store.DeleteAsync(definitionId) > 0 ? Results.NoContent() : NotFound(definitionId);

    private static async Task<IResult> DeleteVersionAsync(string id, WorkflowDefinitionStore store) =>
        await store.FindByVersionIdAsync(id) is { } version && await store.DeleteAsync(version.DefinitionId, id) > 0
            ? Results.NoContent() : NotFound(id);

    private static async Task<IResult> DeleteManyAsync(BulkBody body, WorkflowDefinitionStore store)
    {
        var deleted = 0;
        foreach (var id in body.DefinitionIds ?? []) deleted += await store.DeleteAsync(id) > 0 ? 1 : 0;
        return Results.Ok(new { deleted });
    }
}
