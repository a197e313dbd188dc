using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary><c>GET /api/tasks/counts</c>: how many tasks each inbox tab holds for the caller.</summary>
internal static class CountTasks
{
    public static void Map(RouteGroupBuilder tasks) =>
        tasks.MapGet("/counts", async (HttpContext http, Inbox inbox) => Results.Ok(await inbox.CountAsync(http.User.UserId(),
            http.RequestAborted)));
}
