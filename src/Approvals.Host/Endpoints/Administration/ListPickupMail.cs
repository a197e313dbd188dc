using Approvals.Host.Mail;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>
/// <c>GET /api/admin/mail-pickup</c>: the messages written to the pickup folder (when no SMTP server is set), newest first.
/// </summary>
internal static class ListPickupMail
{
    public sealed record PickupFile(string Name, long Size, DateTime WrittenAt);
    public sealed record PickupFolder(string Folder, bool UsesPickupFolder, IReadOnlyList<PickupFile> Files);

    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/mail-pickup", (MailTransport transport) =>
    {
        var folder = new DirectoryInfo(transport.PickupFolder);
        var files = folder.Exists
            ? folder.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc)
                .Select(f => new PickupFile(f.Name, f.Length, f.LastWriteTimeUtc)).ToList()
            : [];
        return Results.Ok(new PickupFolder(folder.FullName, transport.UsesPickupFolder, files));
    });
}
