using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/reassign</c>: the task goes to someone else for good (an administrator may reassign any task).
/// </summary>
internal static class ReassignTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapPost("/{id}/reassign", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, TransferRequest body, HttpContext http, TaskService service)
    {
        if (body.ToUserId is null) return TransferRequest.MissingRecipient();
        var byAdministrator = http.User.IsInRole(Identity.Roles.Admin);
        return Results.Ok(TaskView.Of(await service.ReassignAsync(id, http.User.UserId(), body.ToUserId, body.Comment, byAdministrator,
            http.RequestAborted)));
    }
}
