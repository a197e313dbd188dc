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
    public async Task<string> WriteToPickupAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PickupFolder);
        var name = (message.MessageId ?? Guid.NewGuid().ToString("N")).Replace('@', '_').Replace('<', '_').Replace('>', '_');
        var path = Path.Combine(PickupFolder, name + ".eml");
        // Written beside and renamed into place: whoever reads the folder (a mail server's pickup, the administrators'
        // listing) sees a whole message or none, never one half written.
        var writing = Path.Combine(PickupFolder, $".{name}.{Guid.NewGuid():N}.writing");
        try
        {
            await message.WriteToAsync(writing, cancellationToken);
            File.Move(writing, path, overwrite: true);
        }
        finally
        {
            File.Delete(writing);
        }
        return path;
    }
}
