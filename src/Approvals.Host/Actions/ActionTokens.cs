using System.Text.Json;
using Approvals.Host.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Actions;

/// <summary>
/// Tokens for decision links in mail: signed and encrypted, bound to one task, one person and one outcome, and
/// expiring. Opening a link only shows a confirmation page; the decision needs the page's POST, and the token's
/// nonce is the decision's operation id, so a second use can only show what was decided.
/// </summary>
public sealed class ActionTokens(IDataProtectionProvider protection, IOptions<MailOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Approvals.ActionLinks")
        .ToTimeLimitedDataProtector();

    public sealed record Payload(string TaskId, string UserId, string Outcome, string Nonce);

    public string Create(string taskId, string userId, string outcome) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(taskId, userId, outcome, Guid.NewGuid().ToString("N"))),
            clock.GetUtcNow() + options.Value.ActionLinkLifetime);

    /// <summary>The payload, or null when the token was tampered with or has expired.</summary>
    public Payload? Read(string token)
    {
        try
        {
            var json = _protector.Unprotect(token, out var expiresAt);
            return expiresAt < clock.GetUtcNow() ? null : JsonSerializer.Deserialize<Payload>(json);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
