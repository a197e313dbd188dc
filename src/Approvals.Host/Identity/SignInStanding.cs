using System.Security.Claims;
using Approvals.Activities.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Identity;

/// <summary>
/// Checks a sign-in (cookie or bearer token) on every request against the account as it is now: a locked account, a
/// deleted one, or one whose security stamp changed since the sign-in (lock, role change, new password) is refused as
/// not signed in (401). Bearer tokens cannot be recalled once issued; this is what revokes them.
/// </summary>
public sealed class SignInStanding(IUserDirectory directory, IOptions<IdentityOptions> identity)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        if (directory is not IdentityUserDirectory people) return true;
        var user = await people.FindAsync(userId);
        if (user is not { IsActive: true }) return false;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await people.SecurityStampAsync(userId);
    }

    /// <summary>For the cookie: an outdated sign-in is rejected and the cookie removed.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var standing = context.HttpContext.RequestServices.GetRequiredService<SignInStanding>();
        if (context.Principal is { } principal && await standing.IsCurrentAsync(principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// For bearer tokens: the token is read here once (the handler does not read it again), and an expired one or one of an
    /// account that is no longer in standing fails authentication.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var services = context.HttpContext.RequestServices;
        var token = header["Bearer ".Length..].Trim();
        var ticket = services.GetRequiredService<BearerTickets>().Read(token, context.Options.BearerTokenProtector);
        if (ticket?.Properties.ExpiresUtc is not { } expiresAt) return; // the handler itself refuses it
        if (services.GetRequiredService<TimeProvider>().GetUtcNow() >= expiresAt)
        {
            context.Fail("Token expired.");
            return;
        }
        if (!await services.GetRequiredService<SignInStanding>().IsCurrentAsync(ticket.Principal))
        {
            context.Fail("The sign-in was ended (account locked or changed); sign in again.");
            return;
        }
        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
