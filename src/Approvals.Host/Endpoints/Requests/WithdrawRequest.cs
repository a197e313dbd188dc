using Approvals.Activities.Access;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary><c>POST /api/requests/{id}/withdraw</c>: the applicant (or their unit) ends a request that is still going.</summary>
internal static class WithdrawRequest
{
    public sealed record WithdrawalBody(string? Reason);

    public static void Map(RouteGroupBuilder requests) => requests.MapPost("/{id}/withdraw", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, WithdrawalBody? body, HttpContext http, RequestService service,
        RequestAccess access)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return RequestEndpoints.NotFound(id);
        var withdrawn = await service.WithdrawAsync(id, http.User.UserId(), body?.Reason, http.RequestAborted);
        return Results.Ok(RequestSummary.Of(withdrawn));
    }
}
