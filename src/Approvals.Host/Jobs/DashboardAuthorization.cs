using Hangfire.Dashboard;

namespace Approvals.Host.Jobs;

/// <summary>The Hangfire dashboard is for administrators signed in to the product.</summary>
internal sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Identity.Roles.Admin);
}
