using Approvals.Engine.Runtime;
using static Approvals.Host.Endpoints.Elsa.Instances.ElsaInstanceShapes;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>POST /elsa/api/cancel/workflow-instances/{id}</c> (administrators): an instance cancelled, its bookmarks removed.</summary>
internal static class CancelWorkflowInstance
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/cancel/workflow-instances/{id}", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var result = await runtime.CancelAsync(id, "cancelled by an administrator", cancellationToken: cancellationToken);
        return Results.Ok(new { status = ElsaStatus(result.Status, result.SubStatus), subStatus = result.SubStatus.ToString() });
    }
}
