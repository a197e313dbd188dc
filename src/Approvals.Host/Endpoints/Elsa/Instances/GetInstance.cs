using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;
using Approvals.Engine.Runtime;
using static Approvals.Host.Endpoints.Elsa.Instances.ElsaInstanceShapes;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>GET /elsa/api/workflow-instances/{id}</c>: an instance with its state, bookmarks and incidents.</summary>
internal static class GetInstance
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/workflow-instances/{id}", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WorkflowInstanceStore instances, WorkflowRuntime runtime,
        WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(id, cancellationToken) is not { } row
            || await runtime.GetStateAsync(id, cancellationToken) is not { } state) return InstanceNotFound(id);
        var incidents = await instances.IncidentsAsync(id, cancellationToken);
        var nodes = await NodeIds.OfVersionAsync(definitions, row.DefinitionVersionId, cancellationToken);
        return Results.Ok(new
        {
            id = row.Id,
            definitionId = row.DefinitionId,
            definitionVersionId = row.DefinitionVersionId,
            version = row.DefinitionVersion,
            workflowState = State(state, state.Bookmarks, incidents, nodes),
            status = ElsaStatus(row.Status, row.SubStatus),
            subStatus = row.SubStatus.ToString(),
            correlationId = row.CorrelationId,
            name = row.Name,
            incidentCount = row.IncidentCount,
            isSystem = false,
            createdAt = row.CreatedAt,
            updatedAt = row.UpdatedAt,
            finishedAt = row.FinishedAt,
        });
    }
}
