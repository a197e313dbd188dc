using Approvals.Host.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Approvals.Host.Mail;

/// <summary>
/// One of a sweep's parallel lanes of mail, used by one send at a time: over SMTP it keeps its connection (and its TLS and
/// sign-in) for every message of the batch instead of opening one per message; a send that fails drops the connection, so the
/// next one starts afresh. To the pickup folder it only writes files.
/// </summary>
public sealed class MailLane(MailTransport transport, SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    /// <summary>Sends the message; returns where it went (the SMTP server or the .eml path).</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (transport.UsesPickupFolder) return transport.WriteToPickup(message, cancellationToken);
        var reused = _client is { IsConnected: true };
        try
        {
            await SendOnConnectionAsync(message, cancellationToken);
        }
        catch (Exception ex) when (reused && ex is IOException or SmtpProtocolException)
        {
            // A kept connection the server closed while the lane waited: once more on a new one.
            await SendOnConnectionAsync(message, cancellationToken);
        }
        return $"smtp://{options.Host}:{options.Port}";
    }

    private async Task SendOnConnectionAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await (await ConnectedAsync(cancellationToken)).SendAsync(message, cancellationToken);
        }
        catch
        {
            // The connection's state is unknown after a failure: the next message opens a new one.
            Drop();
            throw;
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true }) return _client;
        Drop();
        _client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await _client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
            await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        return _client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Every message was accepted before this; a server that drops the QUIT loses nothing.
        }
        _client.Dispose();
        _client = null;
    }
}
