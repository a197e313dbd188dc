using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Engine.Runtime;
using Approvals.Host.Endpoints.Elsa.Instances;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>POST /elsa/api/workflow-definitions/{definitionId}/execute</c> and <c>/dispatch</c> (administrators): the published version
/// started with the input and run until it waits or ends, answered with its state (execute) or its id only (dispatch). A workflow
/// that serves a request type is refused: it runs for filed requests only.
/// </summary>
internal static class ExecuteDefinition
{
    public sealed record ExecuteBody(JsonObject? Input, string? CorrelationId);

    public static void Map(RouteGroupBuilder write)
    {
        write.MapPost("/{definitionId}/execute", ExecuteAsync);
        write.MapPost("/{definitionId}/dispatch", DispatchAsync);
    }

    private static async Task<IResult> ExecuteAsync(string definitionId, ExecuteBody? body, WorkflowRuntime runtime,
        RequestTypeCatalog types)
    {
        if (await RequestTypeOwnership.RefuseBareRunAsync(definitionId, types) is { } refused) return refused;
        var run = await runtime.StartAsync(definitionId, new StartWorkflowOptions { Input = body?.Input,
            CorrelationId = body?.CorrelationId });
        var state = (await runtime.GetStateAsync(run.InstanceId))!;
        return Results.Ok(new { workflowState = ElsaInstanceShapes.State(state, run.Bookmarks, run.Incidents) });
    }

    private static async Task<IResult> DispatchAsync(string definitionId, ExecuteBody? body, WorkflowRuntime runtime,
        RequestTypeCatalog types)
    {
        if (await RequestTypeOwnership.RefuseBareRunAsync(definitionId, types) is { } refused) return refused;
        var run = await runtime.StartAsync(definitionId, new StartWorkflowOptions { Input = body?.Input,
            CorrelationId = body?.CorrelationId });
        return Results.Ok(new { workflowInstanceId = run.InstanceId });
    }
}
