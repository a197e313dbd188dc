using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>
/// <c>GET /api/admin/quotas?year</c>: each unit's travel plan for the year beside what it has used (this year by default).
/// </summary>
internal static class ListQuotas
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/quotas", async (int? year, QuotaPlans plans, TimeProvider clock) =>
            Results.Ok(await plans.StandingsAsync(year ?? clock.GetUtcNow().Year)));
}
