using System.Security.Claims;

namespace Approvals.Host.Endpoints;

internal static class CallerExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");
}
