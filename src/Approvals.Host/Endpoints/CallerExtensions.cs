using System.Security.Claims;
using Approvals.Activities.Contracts;
using Approvals.Activities.Requests;
using Approvals.Host.Identity;

namespace Approvals.Host.Endpoints;

internal static class CallerExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");

    /// <summary>FAO staff see every request; everyone else only their own unit's (others get 404, not a hint that it exists).</summary>
    public static async Task<bool> MaySeeAsync(this ClaimsPrincipal caller, Request request, IUserDirectory directory, CancellationToken cancellationToken)
    {
        if (Roles.FaoStaff.Any(caller.IsInRole)) return true;
        var user = await directory.FindAsync(caller.UserId(), cancellationToken);
        return user?.UnitId is { } unit && unit == request.UnitId;
    }
}
