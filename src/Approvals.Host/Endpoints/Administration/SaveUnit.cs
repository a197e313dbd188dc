using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>PUT /api/admin/units/{id}</c>: a unit added or renamed (audited).</summary>
internal static class SaveUnit
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/units/{id}", async (string id, UnitBody body, OfficeUnits units, HttpContext http) =>
            Results.Ok(await units.SaveAsync(id, body.Name, body.NameEn, body.Kind, http.User.UserId())));
}
