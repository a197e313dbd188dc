using System.Text.Json.Nodes;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary><c>POST /api/requests</c>: an applicant files a request of a type; its workflow starts in the same transaction.</summary>
internal static class SubmitRequest
{
    public sealed record SubmissionBody(string? Type, JsonObject? Data);
    public sealed record Submitted(string Id, string Number, string Status, string InstanceId);

    public static void Map(RouteGroupBuilder requests) => requests.MapPost("/", HandleAsync);

    private static async Task<IResult> HandleAsync(SubmissionBody body, HttpContext http, RequestService service)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Type)) errors["type"] = ["is required"];
        if (body.Data is null) errors["data"] = ["is required"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var request = await service.SubmitAsync(http.User.UserId(), body.Type!, body.Data!, http.RequestAborted);
        return Results.Created($"/api/requests/{request.Id}", new Submitted(request.Id, request.Number, request.Status,
            request.WorkflowInstanceId));
    }
}
