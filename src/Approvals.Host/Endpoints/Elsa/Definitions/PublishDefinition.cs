using Approvals.Activities.Requests;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>POST /elsa/api/workflow-definitions/{definitionId}/publish</c> and <c>/retract</c> (administrators): the latest version
/// published (unless its request type is another published workflow's), or the published one withdrawn.
/// </summary>
internal static class PublishDefinition
{
    public static void Map(RouteGroupBuilder write)
    {
        write.MapPost("/{definitionId}/publish", PublishAsync);
        write.MapPost("/{definitionId}/retract", RetractAsync);
    }

    private static async Task<IResult> PublishAsync(string definitionId, WorkflowDefinitionStore store, RequestTypeCatalog types,
        HttpContext http)
    {
        if (await store.FindAsync(definitionId, DefinitionVersionOptions.Latest) is { } latest
            && await RequestTypeOwnership.RefuseTakenTypeAsync(WorkflowDefinitionStore.ToDocument(latest).Json, types) is { } taken)
            return taken;
        return Results.Ok(Full(await store.PublishAsync(definitionId), http));
    }

    private static async Task<IResult> RetractAsync(string definitionId, WorkflowDefinitionStore store, HttpContext http) =>
        await store.RetractAsync(definitionId) is { } record ? Results.Ok(Full(record, http)) : NotFound(definitionId);
}
