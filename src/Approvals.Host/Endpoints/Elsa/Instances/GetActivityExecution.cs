using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>GET /elsa/api/activity-executions/by-id?id</c>: one activity execution, with its outputs and outcomes.</summary>
internal static class GetActivityExecution
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/activity-executions/by-id", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WorkflowInstanceStore instances, ActivityExecutionStore executions,
        WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (await executions.FindAsync(id, cancellationToken) is not { } record)
            return NotFoundProblem.For($"Activity execution '{id}' was not found.");
        var nodes = await NodeIds.OfInstanceAsync(instances, definitions, record.WorkflowInstanceId, cancellationToken);
        return Results.Ok(ElsaInstanceShapes.Execution(record, nodes));
    }
}
