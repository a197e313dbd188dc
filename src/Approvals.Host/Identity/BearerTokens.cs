using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Identity;

/// <summary>Issues the API's bearer tokens (for <c>POST /api/auth/token</c> and for the studio page's signed-in user).</summary>
public sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var expiresAt = clock.GetUtcNow() + bearer.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
        return (bearer.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
