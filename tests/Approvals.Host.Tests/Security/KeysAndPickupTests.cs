using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Security;

/// <summary>
/// Secrets at rest and in the administrators' view: encrypted keys, an owner-only key folder, pickup mail without live links.
/// </summary>
public sealed class KeysAndPickupTests
{
    [Fact]
    public async Task The_pickup_listing_shows_mail_without_the_decision_links_tokens()
    {
        using var host = new ApprovalsHost();
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");
        var folder = Path.Combine(host.DataFolder, "mail-pickup");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? file = null;
        while (file is null && DateTime.UtcNow < deadline)
        {
            file = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml")
                .FirstOrDefault(f => File.ReadAllText(f).Contains("protocol-division@approvals.test")) : null;
            if (file is null) await Task.Delay(200);
        }
        Assert.NotNull(file);
        var onDisk = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Matches("/actions/[A-Za-z0-9_-]{40,}", onDisk.TextBody);

        var shown = await admin.GetAsync($"/api/admin/mail-pickup/{Path.GetFileName(file)}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var message = await MimeKit.MimeMessage.LoadAsync(await shown.Content.ReadAsStreamAsync());
        Assert.DoesNotMatch("/actions/[A-Za-z0-9_-]{40,}", message.TextBody);
        Assert.DoesNotMatch("/actions/[A-Za-z0-9_-]{40,}", message.HtmlBody);
        Assert.Contains("/actions/[redacted]", message.TextBody);
        Assert.Equal(onDisk.Subject, message.Subject);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await host.As("protocol-division")).GetAsync($"/api/admin/mail-pickup/{Path.GetFileName(file)}")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_encrypted_with_the_configured_certificate_in_a_folder_only_the_host_reads()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Approvals data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(Path.GetTempPath(), $"approvals-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-secret"));
        try
        {
            using var host = new ApprovalsHost();
            host.Settings["DataProtection:CertificatePath"] = pfx;
            host.Settings["DataProtection:CertificatePassword"] = "pfx-secret";
            // Something signed with the keys: a token, then used.
            var client = await host.As("applicant");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/requests")).StatusCode);

            var keys = Path.Combine(host.DataFolder, "keys");
            var xml = await File.ReadAllTextAsync(Directory.GetFiles(keys, "key-*.xml").Single());
            Assert.Contains("encryptedSecret", xml);
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(keys));
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
