using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints;

/// <summary>Administrators: verify the audit chain, look at the mail outbox.</summary>
internal static class AdminApi
{
    public sealed record OutboxView(long Id, string Kind, string? WorkflowInstanceId, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? LastError,
        System.Text.Json.Nodes.JsonObject Body);

    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(HostingExtensions.AdminPolicy);
        group.MapGet("/audit/verify", async (ApprovalsDbContextFactory factory, CancellationToken cancellationToken) =>
        {
            await using var db = factory.Create();
            return Results.Ok(await AuditTrail.VerifyAsync(db, cancellationToken));
        });
        group.MapGet("/outbox", async (WorkflowDbContextFactory factory, string? status, int? take, CancellationToken cancellationToken) =>
        {
            await using var db = factory.Create();
            var query = db.Outbox.AsNoTracking();
            if (status is not null && Enum.TryParse<OutboxStatus>(status, true, out var s)) query = query.Where(m => m.Status == s);
            var rows = await query.OrderByDescending(m => m.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(cancellationToken);
            return Results.Ok(rows.Select(m => new OutboxView(m.Id, m.Kind, m.WorkflowInstanceId, m.Status.ToString(), m.Attempts, m.CreatedAt, m.SentAt, m.LastError, m.Body)));
        });
    }
}
