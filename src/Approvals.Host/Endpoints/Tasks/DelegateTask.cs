using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary><c>POST /api/tasks/{id}/delegate</c>: someone else decides this one task on the caller's behalf.</summary>
internal static class DelegateTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapPost("/{id}/delegate", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, TransferRequest body, HttpContext http, TaskService service) =>
        body.ToUserId is null
            ? TransferRequest.MissingRecipient()
            : Results.Ok(TaskView.Of(await service.DelegateAsync(id, http.User.UserId(), body.ToUserId, body.Comment,
                http.RequestAborted)));
}
