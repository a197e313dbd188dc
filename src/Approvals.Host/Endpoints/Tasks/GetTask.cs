using Approvals.Activities.Access;
using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary><c>GET /api/tasks/{id}</c>: one task, to whoever may see it (anyone else is told it does not exist).</summary>
internal static class GetTask
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapGet("/{id}", async (string id, HttpContext http, RequestAccess access) =>
    {
        var task = await access.FindVisibleTaskAsync(http.User.UserId(), id, http.RequestAborted) ?? throw new TaskNotFoundException(id);
        return Results.Ok(TaskView.Of(task));
    });
}
