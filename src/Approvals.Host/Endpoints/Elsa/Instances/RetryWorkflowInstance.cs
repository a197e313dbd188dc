using Approvals.Host.Administration;
using static Approvals.Host.Endpoints.Elsa.Instances.ElsaInstanceShapes;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// <c>POST /elsa/api/workflow-instances/{id}/retry</c> (administrators): a faulted instance run again from its faulted activities;
/// its incidents are resolved when it goes on.
/// </summary>
internal static class RetryWorkflowInstance
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/workflow-instances/{id}/retry", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, Incidents incidents) =>
        await incidents.RetryAsync(id, http.User.UserId(), http.RequestAborted) switch
        {
            { } result => Results.Ok(new { status = ElsaStatus(result.Status, result.SubStatus), subStatus = result.SubStatus.ToString() }),
            null => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
                detail: $"Workflow instance '{id}' is not faulted."),
        };
}
