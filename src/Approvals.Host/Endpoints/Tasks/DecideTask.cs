using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/decision</c>: the assignee, a candidate or an active proxy decides. A repeated
/// <see cref="DecisionRequest.OperationId"/> answers as the first did; a second, different decision is a 409.
/// </summary>
internal static class DecideTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapPost("/{id}/decision", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, DecisionRequest body, HttpContext http, TaskService service)
    {
        if (string.IsNullOrWhiteSpace(body.Outcome))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["is required"] });
        var result = await service.DecideAsync(id, http.User.UserId(), body.Outcome, body.Comment, body.OperationId, body.Payload,
            body.AttachmentIds, http.RequestAborted);
        return Results.Ok(TaskView.Of(result.Task));
    }
}
