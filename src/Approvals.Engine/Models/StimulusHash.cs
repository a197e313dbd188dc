using System.Security.Cryptography;
using System.Text;

namespace Approvals.Engine.Models;

/// <summary>The hash by which a stimulus finds bookmarks: SHA-256 of the stimulus name and its key.</summary>
public static class StimulusHash
{
    public static string Compute(string name, string? key)
    {
        var bytes = Encoding.UTF8.GetBytes($"{name}\u001f{key ?? ""}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
