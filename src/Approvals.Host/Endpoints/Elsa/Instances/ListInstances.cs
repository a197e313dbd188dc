using Approvals.Engine.Instances;
using static Approvals.Host.Endpoints.Elsa.Instances.ElsaInstanceShapes;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>POST /elsa/api/workflow-instances</c>: a page of instances, newest first, filtered as the studio asks.</summary>
internal static class ListInstances
{
    public sealed record ListBody(int? Page, int? PageSize, string? DefinitionId, string[]? DefinitionIds,
        string? SearchTerm, string? CorrelationId);

    public static void Map(RouteGroupBuilder elsa) => elsa.MapPost("/workflow-instances", HandleAsync);

    private static async Task<IResult> HandleAsync(ListBody? body, WorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(body?.PageSize ?? 50, 1, 500);
        var page = Math.Max(0, body?.Page ?? 0);
        var filter = new WorkflowInstanceFilter(body?.DefinitionId, body?.DefinitionIds, body?.CorrelationId, body?.SearchTerm);
        var found = await instances.ListAsync(filter, page, size, cancellationToken);
        return Results.Ok(new
        {
            items = found.Items.Select(i => new
            {
                id = i.Id, definitionId = i.DefinitionId, definitionVersionId = i.DefinitionVersionId, version = i.DefinitionVersion,
                correlationId = i.CorrelationId, name = i.Name,
                status = ElsaStatus(i.Status, i.SubStatus), subStatus = i.SubStatus.ToString(), incidentCount = i.IncidentCount,
                createdAt = i.CreatedAt, updatedAt = i.UpdatedAt, finishedAt = i.FinishedAt,
            }),
            totalCount = found.TotalCount,
            page,
            pageSize = size,
        });
    }
}
