using Approvals.Host.Mail;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>
/// <c>GET /api/admin/mail-pickup/{name}</c>: a message as sent, with its decision links' tokens cut out (each would decide as its
/// recipient).
/// </summary>
internal static class DownloadPickupMail
{
    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/mail-pickup/{name}", HandleAsync);

    private static async Task<IResult> HandleAsync(string name, MailTransport transport, CancellationToken cancellationToken)
    {
        var path = Path.Combine(transport.PickupFolder, Path.GetFileName(name));
        return name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) && File.Exists(path)
            ? Results.File(await PickupRedaction.ReadAsync(path, cancellationToken), "message/rfc822", Path.GetFileName(name))
            : NotFoundProblem.For($"'{name}' is not in the pickup folder.");
    }
}
