using Approvals.Engine.Definitions;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary><c>GET /elsa/api/workflow-definitions/{definitionId}/consumers</c>: the definitions that use this one as an activity.</summary>
internal static class ListConsumers
{
    public static void Map(RouteGroupBuilder read) => read.MapGet("/{definitionId}/consumers", HandleAsync);

    private static async Task<IResult> HandleAsync(string definitionId, WorkflowDefinitionStore store,
        CancellationToken cancellationToken) =>
        Results.Ok(new { consumingWorkflowDefinitions = (await store.ListConsumersAsync(definitionId, cancellationToken))
            .Select(d => new { definitionId = d.DefinitionId, name = d.Name }) });
}
