using Approvals.Activities.Proxies;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/proxies</c>: everyone's proxies, the latest thousand, newest first.</summary>
internal static class ListAllProxies
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/proxies", async (ProxyService proxies, CancellationToken cancellationToken) =>
            Results.Ok(await proxies.ListRecentAsync(1000, cancellationToken)));
}
