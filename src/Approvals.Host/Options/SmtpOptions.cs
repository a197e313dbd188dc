namespace Approvals.Host.Options;

/// <summary>The <c>Smtp</c> section. With no <see cref="Host"/>, mail is written as .eml files to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Approvals <approvals@approvals.test>";

    /// <summary>Where .eml files go when no host is set (relative to the data folder).</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
}
