using System.Text.Json.Nodes;
using Approvals.Activities.Access;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>
/// <c>POST /api/requests/{id}/resubmit</c>: the revised data of a returned request; a repeated operation id answers as the first did.
/// </summary>
internal static class ResubmitRequest
{
    public sealed record ResubmissionBody(JsonObject? Data, string? OperationId);

    public static void Map(RouteGroupBuilder requests) => requests.MapPost("/{id}/resubmit", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, ResubmissionBody body, HttpContext http, RequestService service,
        RequestAccess access, TaskService tasks)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return RequestEndpoints.NotFound(id);
        if (body.Data is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["data"] = ["is required"] });
        var revise = await tasks.FindReviseAsync(id, body.OperationId, http.RequestAborted);
        if (revise is null)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
                detail: "The request is not waiting for a revision.");
        await tasks.DecideAsync(revise.Id, http.User.UserId(), "Resubmitted", null, body.OperationId ?? Guid.NewGuid().ToString("N"),
            new JsonObject { ["data"] = body.Data.DeepClone() }, cancellationToken: http.RequestAborted);
        return Results.Ok(RequestSummary.Of(await service.GetAsync(id, http.RequestAborted)));
    }
}
