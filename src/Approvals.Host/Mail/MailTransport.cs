using Approvals.Host.Options;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Approvals.Host.Mail;

/// <summary>
/// Sends mail with MailKit to the configured SMTP server (through <see cref="MailLane"/>s, which keep their connection for a
/// sweep's batch), or, with no server configured, writes each message as an .eml file to the pickup folder (named after its
/// Message-Id, so a retry overwrites rather than duplicates).
/// </summary>
public sealed class MailTransport(
    IOptions<SmtpOptions> smtp, IOptions<Approvals.Host.Options.ApprovalsOptions> approvals, IWebHostEnvironment environment)
{
    public string PickupFolder => Path.Combine(environment.ContentRootPath, approvals.Value.DataDirectory, smtp.Value.PickupFolder);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(smtp.Value.Host);

    /// <summary>A lane for a sweep's sends, one at a time; dispose it when the batch is through.</summary>
    public MailLane OpenLane() => new(this, smtp.Value);

    /// <summary>Writes the message to the pickup folder as <c>.eml</c>; returns its path.</summary>
    public string WriteToPickup(MimeMessage message, CancellationToken cancellationToken)
    {
        var name = (message.MessageId ?? Guid.NewGuid().ToString("N")).Replace('@', '_').Replace('<', '_').Replace('>', '_');
        var path = Path.Combine(PickupFolder, name + ".eml");
        // Serialized in memory and written with one unbuffered write: MimeKit's own file writing (a buffered stream written
        // asynchronously) and File.WriteAllBytes (which preallocates) cost 3-5 times as much per message on ext4, and the
        // pickup folder takes two of these for every decision.
        using var content = new MemoryStream();
        message.WriteTo(content, cancellationToken);
        // Written beside and renamed into place: whoever reads the folder (a mail server's pickup, the administrators'
        // listing) sees a whole message or none, never one half written.
        var writing = Path.Combine(PickupFolder, $".{name}.{Guid.NewGuid():N}.writing");
        try
        {
            WriteNew(writing, content);
            File.Move(writing, path, overwrite: true);
        }
        catch
        {
            File.Delete(writing);
            throw;
        }
        return path;
    }

    private void WriteNew(string file, MemoryStream content)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
        catch (DirectoryNotFoundException)
        {
            // The folder is made on first use (and again if someone removed it), not looked for before every message.
            Directory.CreateDirectory(PickupFolder);
            stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
        using (stream) stream.Write(content.GetBuffer(), 0, (int)content.Length);
    }
}
