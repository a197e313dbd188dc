using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary>
/// <c>GET /api/tasks</c>: the inbox, filtered, ordered and paged in the database. The body is the page's tasks;
/// <c>X-Total-Count</c> says how many match in all.
/// </summary>
internal static class ListTasks
{
    public static void Map(RouteGroupBuilder tasks) => tasks.MapGet("/", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, Inbox inbox,
        string? scope = null, bool? overdue = null, string? type = null, string? stage = null, string? unit = null,
        DateTimeOffset? dueBefore = null, string? q = null, string? sort = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = scope is null ? InboxScope.All : Enum.TryParse<InboxScope>(scope, true, out var s) ? s : (InboxScope?)null;
        if (parsed is null) errors["scope"] = ["must be mine, candidate or all"];
        var order = sort is null ? InboxSort.Due : Enum.TryParse<InboxSort>(sort, true, out var o) ? o : (InboxSort?)null;
        if (order is null) errors["sort"] = ["must be due, newest, created or title"];
        if (page < 1) errors["page"] = ["must be 1 or more"];
        if (pageSize is < 1 or > InboxQuery.MaxPageSize) errors["pageSize"] = [$"must be between 1 and {InboxQuery.MaxPageSize}"];
        if (q?.Length > InboxQuery.MaxSearchLength) errors["q"] = [$"must be at most {InboxQuery.MaxSearchLength} characters"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var result = await inbox.QueryAsync(http.User.UserId(), new InboxQuery
        {
            Scope = parsed!.Value, Overdue = overdue, RequestType = type, Stage = stage, UnitId = unit, DueBefore = dueBefore, Search = q,
            Sort = order!.Value, Page = page, PageSize = pageSize,
        }, http.RequestAborted);
        http.Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(result.Items.Select(TaskView.Of));
    }
}
