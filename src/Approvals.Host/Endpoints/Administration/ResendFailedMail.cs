using Approvals.Host.Mail;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>POST /api/admin/outbox/resend-failed</c>: every failed message queued again; says how many.</summary>
internal static class ResendFailedMail
{
    public sealed record ResendFailedResponse(int Requeued);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/outbox/resend-failed", async (MailOutbox outbox, CancellationToken cancellationToken) =>
            Results.Ok(new ResendFailedResponse(await outbox.ResendFailedAsync(cancellationToken))));
}
