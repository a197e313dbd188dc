using Approvals.Activities.Access;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>
/// <c>GET /api/requests</c>: the newest requests the caller may see, optionally of one type and state, and with <c>q</c> those
/// whose number or title contains the words (in any case).
/// </summary>
internal static class ListRequests
{
    private const int MaxSearchLength = 200;

    public static void Map(RouteGroupBuilder requests) => requests.MapGet("/", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, RequestAccess access, string? state = null, string? type = null,
        string? q = null, int take = 100)
    {
        var parsed = state is not null && Enum.TryParse<RequestState>(state, true, out var s) ? s : (RequestState?)null;
        if (q?.Length > MaxSearchLength)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"must be at most {MaxSearchLength} characters"],
            });
        var rows = await access.ListVisibleAsync(http.User.UserId(), type, parsed, q, take, http.RequestAborted);
        return Results.Ok(rows.Select(RequestSummary.Of));
    }
}
