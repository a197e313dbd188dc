using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints;

/// <summary>Administrators: verify the audit chain, look at the mail outbox, retry faulted workflow instances.</summary>
internal static class AdminApi
{
    public sealed record ResendFailedResponse(int Requeued);
    public sealed record RetryResponse(string InstanceId, string Status, string SubStatus, IReadOnlyList<string> NewIncidents);

    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(HostingExtensions.AdminPolicy);
        group.MapGet("/audit/verify", async (AuditLog audit, CancellationToken cancellationToken) =>
            Results.Ok(await audit.VerifyAsync(cancellationToken)));
        group.MapPost("/outbox/{id:long}/resend", async (long id, Mail.MailOutbox outbox, CancellationToken cancellationToken) =>
            await outbox.ResendAsync(id, cancellationToken)
                ? Results.Accepted($"/api/admin/outbox?status=Pending")
                : Results.Problem(statusCode: 409, title: "Conflict.", detail: $"Outbox message {id} is not a failed message."));
        group.MapGet("/incidents", async (Administration.Incidents incidents, CancellationToken cancellationToken) => Results.Ok(await incidents.ListAsync(100, cancellationToken)));
        group.MapPost("/instances/{id}/retry", async (string id, HttpContext http, Administration.Incidents incidents) =>
            await incidents.RetryAsync(id, http.User.UserId(), http.RequestAborted) is { } result
                ? Results.Ok(new RetryResponse(id, result.Status.ToString(), result.SubStatus.ToString(), result.Incidents.Select(i => i.Message).ToList()))
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"Workflow instance '{id}' is not faulted."));
        group.MapPost("/outbox/resend-failed", async (Mail.MailOutbox outbox, CancellationToken cancellationToken) =>
            Results.Ok(new ResendFailedResponse(await outbox.ResendFailedAsync(cancellationToken))));
        group.MapGet("/mail-pickup", (Mail.MailTransport transport) =>
        {
            var folder = new DirectoryInfo(transport.PickupFolder);
            var files = folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Select(f => new { name = f.Name, size = f.Length, writtenAt = f.LastWriteTimeUtc }).ToList() : [];
            return Results.Ok(new { folder = folder.FullName, usesPickupFolder = transport.UsesPickupFolder, files });
        });
        // A message as sent, with its decision links' tokens cut out (each would decide as its recipient).
        group.MapGet("/mail-pickup/{name}", async (string name, Mail.MailTransport transport, CancellationToken cancellationToken) =>
        {
            var path = Path.Combine(transport.PickupFolder, Path.GetFileName(name));
            return name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) && File.Exists(path)
                ? Results.File(await Mail.PickupRedaction.ReadAsync(path, cancellationToken), "message/rfc822", Path.GetFileName(name))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"'{name}' is not in the pickup folder.");
        });
        group.MapGet("/outbox", async (Mail.MailOutbox outbox, string? status, int? take, CancellationToken cancellationToken) =>
            Results.Ok(await outbox.ListAsync(status is not null && Enum.TryParse<OutboxStatus>(status, true, out var s) ? s : null, take ?? 100, cancellationToken)));
    }
}
