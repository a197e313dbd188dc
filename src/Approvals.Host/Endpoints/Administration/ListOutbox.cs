using Approvals.Engine.Models;
using Approvals.Host.Mail;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>GET /api/admin/outbox?status&amp;take</c>: the mail outbox, newest first, optionally of one status.</summary>
internal static class ListOutbox
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/outbox", async (MailOutbox outbox, string? status, int? take, CancellationToken cancellationToken) =>
        {
            var parsed = status is not null && Enum.TryParse<OutboxStatus>(status, true, out var s) ? s : (OutboxStatus?)null;
            return Results.Ok(await outbox.ListAsync(parsed, take ?? 100, cancellationToken));
        });
}
