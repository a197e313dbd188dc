using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/units</c>: the units requests are filed for.</summary>
internal static class ListUnits
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/units", async (OfficeUnits units) => Results.Ok(await units.ListAsync()));
}
