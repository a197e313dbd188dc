namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/roles</c>: the roles an account may hold.</summary>
internal static class ListRoles
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/roles", () => Results.Ok(Identity.Roles.All));
}
