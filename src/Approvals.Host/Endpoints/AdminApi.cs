using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Hangfire;
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
        group.MapPost("/outbox/{id:long}/resend", async (long id, WorkflowDbContextFactory factory, Hangfire.IBackgroundJobClient jobs, CancellationToken cancellationToken) =>
        {
            await using var db = factory.Create();
            var rows = await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);
            if (rows == 0) return Results.Problem(statusCode: 409, title: "Conflict.", detail: $"Outbox message {id} is not a failed message.");
            jobs.Enqueue<Mail.MailDelivery>(d => d.DeliverAsync(id, CancellationToken.None));
            return Results.Accepted($"/api/admin/outbox?status=Pending");
        });
        group.MapGet("/mail-pickup", (Mail.MailTransport transport) =>
        {
            var folder = new DirectoryInfo(transport.PickupFolder);
            var files = folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Select(f => new { name = f.Name, size = f.Length, writtenAt = f.LastWriteTimeUtc }).ToList() : [];
            return Results.Ok(new { folder = folder.FullName, usesPickupFolder = transport.UsesPickupFolder, files });
        });
        group.MapGet("/mail-pickup/{name}", (string name, Mail.MailTransport transport) =>
        {
            var path = Path.Combine(transport.PickupFolder, Path.GetFileName(name));
            return name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) && File.Exists(path) ? Results.File(path, "message/rfc822", Path.GetFileName(name)) : Results.NotFound();
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
