using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/incidents</c>: workflow instances stopped on a fault, with what went wrong.</summary>
internal static class ListIncidents
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/incidents", async (Incidents incidents, CancellationToken cancellationToken) =>
            Results.Ok(await incidents.ListAsync(100, cancellationToken)));
}
