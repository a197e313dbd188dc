using Approvals.Activities.Proxies;

namespace Approvals.Host.Endpoints.Proxies;

/// <summary><c>GET /api/proxies</c>: the proxies the caller gave or holds.</summary>
internal static class ListMyProxies
{
    public static void Map(RouteGroupBuilder proxies) =>
        proxies.MapGet("/", async (HttpContext http, ProxyService service) =>
            Results.Ok(await service.ListForAsync(http.User.UserId(), http.RequestAborted)));
}
