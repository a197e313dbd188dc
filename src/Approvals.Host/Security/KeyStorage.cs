using System.Security.Cryptography.X509Certificates;

namespace Approvals.Host.Security;

/// <summary>
/// Where the data-protection keys (they sign cookies, bearer tokens and mail links) live and how they are kept: in the
/// data folder's <c>keys</c> folder, readable by the host's account only, or in the database with PostgreSQL; encrypted
/// with the certificate of <c>DataProtection:CertificatePath</c> (PFX, password in <c>DataProtection:CertificatePassword</c>)
/// when one is configured. Linux has no platform key protection, so production should configure one.
/// </summary>
public static class KeyStorage
{
    public static DirectoryInfo Folder(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "keys");
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path);
        var folder = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // A folder made by an older version keeps its mode; narrow it to the owner.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    public static X509Certificate2? Certificate(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        var full = Path.Combine(contentRoot, path);
        if (!File.Exists(full)) throw new FileNotFoundException(
            $"DataProtection:CertificatePath names {full}, which does not exist.", full);
        return X509CertificateLoader.LoadPkcs12FromFile(full, configuration["DataProtection:CertificatePassword"],
            X509KeyStorageFlags.EphemeralKeySet);
    }
}
