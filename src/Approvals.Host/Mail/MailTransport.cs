using Approvals.Host.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Approvals.Host.Mail;

/// <summary>
/// Sends a message with MailKit to the configured SMTP server, or, with no server configured, writes it as an .eml
/// file to the pickup folder (named after its Message-Id, so a retry overwrites rather than duplicates).
/// </summary>
public sealed class MailTransport(
    IOptions<SmtpOptions> smtp, IOptions<Approvals.Host.Options.ApprovalsOptions> approvals, IWebHostEnvironment environment)
{
    public string PickupFolder => Path.Combine(environment.ContentRootPath, approvals.Value.DataDirectory, smtp.Value.PickupFolder);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(smtp.Value.Host);

    /// <summary>Sends the message; returns where it went (the SMTP server or the .eml path).</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        if (UsesPickupFolder)
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
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return $"smtp://{options.Host}:{options.Port}";
    }
}
