using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>POST /api/admin/instances/{id}/retry</c>: a faulted instance run again from its faulted activities (audited).</summary>
internal static class RetryInstance
{
    public sealed record RetryResponse(string InstanceId, string Status, string SubStatus, IReadOnlyList<string> NewIncidents);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/instances/{id}/retry", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, Incidents incidents)
    {
        if (await incidents.RetryAsync(id, http.User.UserId(), http.RequestAborted) is not { } result)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
                detail: $"Workflow instance '{id}' is not faulted.");
        var newIncidents = result.Incidents.Select(i => i.Message).ToList();
        return Results.Ok(new RetryResponse(id, result.Status.ToString(), result.SubStatus.ToString(), newIncidents));
    }
}
