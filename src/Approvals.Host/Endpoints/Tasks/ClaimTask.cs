using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary><c>POST /api/tasks/{id}/claim</c>: a candidate takes a shared task, so the others no longer see it as theirs.</summary>
internal static class ClaimTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapPost("/{id}/claim", async (string id, HttpContext http,
        TaskService service) =>
        Results.Ok(TaskView.Of(await service.ClaimAsync(id, http.User.UserId(), http.RequestAborted))));
}
