namespace Approvals.Host.Tests.Support;

/// <summary>A host that sends mail to a real SMTP server on 127.0.0.1.</summary>
public sealed class MailHost : IAsyncDisposable
{
    public MailHost()
    {
        Smtp = new TestSmtpServer().Start();
        Host = Configure(new ApprovalsHost(), Smtp.Port);
    }

    public TestSmtpServer Smtp { get; }
    public ApprovalsHost Host { get; }

    public static ApprovalsHost Configure(ApprovalsHost host, int smtpPort)
    {
        host.Settings["Smtp:Host"] = "127.0.0.1";
        host.Settings["Smtp:Port"] = smtpPort.ToString();
        host.Settings["Smtp:Security"] = "None";
        host.Settings["Mail:RetryDelay"] = "00:00:01";
        host.Settings["Mail:PublicBaseUrl"] = "http://approvals.test";
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
