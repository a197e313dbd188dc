using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>PUT /api/admin/quotas/{unitId}/{year}</c>: a unit's travel plan for a year (audited).</summary>
internal static class SetQuota
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/quotas/{unitId}/{year:int}", async (string unitId, int year, QuotaBody body, QuotaPlans plans, HttpContext http) =>
            await plans.SetAsync(unitId, year, body.Trips, body.Persons, http.User.UserId()) is { } quota
                ? Results.Ok(quota)
                : NotFoundProblem.For($"Unit '{unitId}' does not exist."));
}
