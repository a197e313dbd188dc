using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Identity;

/// <summary>
/// Issues the API's bearer tokens: full ones for <c>POST /api/auth/token</c>, and short ones limited to the Elsa API for
/// the studio page (they carry <see cref="AudienceClaim"/> = <see cref="ElsaAudience"/>, which the <c>/api</c> policy refuses).
/// </summary>
public sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public const string AudienceClaim = "approvals:audience";
    public const string ElsaAudience = "elsa-api";

    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal) =>
        Issue(principal, options.Get(IdentityConstants.BearerScheme).BearerTokenExpiration);

    /// <summary>A token for <c>/elsa/api</c> only, lasting <paramref name="lifetime"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueForElsa(ClaimsPrincipal principal, TimeSpan lifetime)
    {
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != AudienceClaim), principal.Identity?.AuthenticationType,
            ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(AudienceClaim, ElsaAudience));
        return Issue(new ClaimsPrincipal(identity), lifetime);
    }

    private (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal, TimeSpan lifetime)
    {
        var expiresAt = clock.GetUtcNow() + lifetime;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        return (options.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
