using Approvals.Host.Mail;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>POST /api/admin/outbox/{id}/resend</c>: a failed message queued again (409 when it is not a failed one).</summary>
internal static class ResendOutboxMessage
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/outbox/{id:long}/resend", async (long id, MailOutbox outbox, CancellationToken cancellationToken) =>
            await outbox.ResendAsync(id, cancellationToken)
                ? Results.Accepted("/api/admin/outbox?status=Pending")
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
                    detail: $"Outbox message {id} is not a failed message."));
}
