using Hangfire.Dashboard;

namespace Approvals.Host.Jobs;

/// <summary>The Hangfire dashboard is for administrators signed in to the product (not for the studio's Elsa-only token).</summary>
internal sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.IsInRole(Identity.Roles.Admin) && !user.HasClaim(Identity.BearerTokens.AudienceClaim,
            Identity.BearerTokens.ElsaAudience);
    }
}
