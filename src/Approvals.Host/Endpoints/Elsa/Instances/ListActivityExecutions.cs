using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// <c>GET /elsa/api/activity-executions/list</c> and <c>/activity-execution-summaries/list</c>: an instance's activity executions,
/// of one activity when asked (the summaries carry the same fields here, so one handler serves both lists).
/// </summary>
internal static class ListActivityExecutions
{
    public static void Map(RouteGroupBuilder elsa)
    {
        elsa.MapGet("/activity-executions/list", HandleAsync);
        elsa.MapGet("/activity-execution-summaries/list", HandleAsync);
    }

    private static async Task<IResult> HandleAsync(string workflowInstanceId, string? activityNodeId, WorkflowInstanceStore instances,
        ActivityExecutionStore executions, WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var rows = await executions.ListAsync(workflowInstanceId, activityNodeId, cancellationToken);
        var nodes = await NodeIds.OfInstanceAsync(instances, definitions, workflowInstanceId, cancellationToken);
        return Results.Ok(new { items = rows.Select(r => ElsaInstanceShapes.Execution(r, nodes)) });
    }
}
