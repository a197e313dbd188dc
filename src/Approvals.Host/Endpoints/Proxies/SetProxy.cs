using Approvals.Activities.Contracts;
using Approvals.Activities.Proxies;

namespace Approvals.Host.Endpoints.Proxies;

/// <summary><c>POST /api/proxies</c>: a proxy for the caller (an administrator may name one for anyone); audited.</summary>
internal static class SetProxy
{
    public static void Map(RouteGroupBuilder proxies) => proxies.MapPost("/", HandleAsync);

    private static async Task<IResult> HandleAsync(ProxyBody body, HttpContext http, ProxyService service, IUserDirectory directory)
    {
        var me = http.User.UserId();
        var principal = body.PrincipalId ?? me;
        if (principal != me && !http.User.IsInRole(Identity.Roles.Admin))
            return Results.Problem(statusCode: 403, title: "Not allowed.", detail: "You may name a proxy only for yourself.");
        if (string.IsNullOrWhiteSpace(body.SubstituteId) || await directory.FindAsync(body.SubstituteId, http.RequestAborted) is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["substituteId"] = ["must name an existing user"] });
        var proxy = await service.SetAsync(principal, body.SubstituteId, body.From, body.To, body.DefinitionIds, me, http.RequestAborted);
        return Results.Created($"/api/proxies/{proxy.Id}", proxy);
    }
}
