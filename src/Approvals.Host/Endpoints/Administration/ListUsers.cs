using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/users</c>: every account with its unit, roles and lockout.</summary>
internal static class ListUsers
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/users", async (UserAccounts accounts) => Results.Ok(await accounts.ListAsync()));
}
