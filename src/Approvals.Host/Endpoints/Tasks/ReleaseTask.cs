using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary><c>POST /api/tasks/{id}/release</c>: the claimant gives a claimed task back to its candidates.</summary>
internal static class ReleaseTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapPost("/{id}/release", async (string id, HttpContext http,
        TaskService service) =>
        Results.Ok(TaskView.Of(await service.ReleaseAsync(id, http.User.UserId(), http.RequestAborted))));
}
