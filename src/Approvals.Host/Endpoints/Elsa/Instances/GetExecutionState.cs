using Approvals.Engine.Instances;
using static Approvals.Host.Endpoints.Elsa.Instances.ElsaInstanceShapes;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>GET /elsa/api/workflow-instances/{id}/execution-state</c>: the status the studio polls while an instance runs.</summary>
internal static class GetExecutionState
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/workflow-instances/{id}/execution-state", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WorkflowInstanceStore instances, CancellationToken cancellationToken) =>
        await instances.FindAsync(id, cancellationToken) is { } row
            ? Results.Ok(new { status = ElsaStatus(row.Status, row.SubStatus), subStatus = row.SubStatus.ToString(),
                workflowSubStatus = row.SubStatus.ToString(), updatedAt = row.UpdatedAt })
            : InstanceNotFound(id);
}
