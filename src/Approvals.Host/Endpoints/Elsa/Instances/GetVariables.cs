using Approvals.Engine.Runtime;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>GET /elsa/api/workflow-instances/{id}/variables</c>: an instance's variables and their values.</summary>
internal static class GetVariables
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/workflow-instances/{id}/variables", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.GetStateAsync(id, cancellationToken) is { } state
            ? Results.Ok(new { items = state.Variables.Select(v => new { id = v.Key, name = v.Key, value = v.Value }) })
            : ElsaInstanceShapes.InstanceNotFound(id);
}
