using Approvals.Activities.Audit;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/audit/verify</c>: every audit chain recomputed; the first entry altered or removed, if any.</summary>
internal static class VerifyAudit
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/audit/verify", async (AuditLog audit, CancellationToken cancellationToken) =>
            Results.Ok(await audit.VerifyAsync(cancellationToken)));
}
