using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Approvals.Host.Identity;

/// <summary>
/// An open page (a Blazor circuit) keeps the sign-in it started with; this re-checks it every half minute, so a locked
/// account or a removed role also ends the pages already open.
/// </summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggers, SignInStanding standing)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        standing.IsCurrentAsync(state.User);
}
