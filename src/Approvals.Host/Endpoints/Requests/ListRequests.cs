using Approvals.Activities.Access;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary><c>GET /api/requests</c>: the newest requests the caller may see, optionally of one type and state.</summary>
internal static class ListRequests
{
    public static void Map(RouteGroupBuilder requests) => requests.MapGet("/", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, RequestAccess access, string? state = null, string? type = null,
        int take = 100)
    {
        var parsed = state is not null && Enum.TryParse<RequestState>(state, true, out var s) ? s : (RequestState?)null;
        var rows = await access.ListVisibleAsync(http.User.UserId(), type, parsed, take: take, cancellationToken: http.RequestAborted);
        return Results.Ok(rows.Select(RequestSummary.Of));
    }
}
