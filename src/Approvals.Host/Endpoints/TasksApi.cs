using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints;

/// <summary>Tasks: the inbox, claim, release, transfer, delegate, decide. Only an assignee, a candidate or an active proxy acts.</summary>
internal static class TasksApi
{
    public sealed record DecisionBody(string? Outcome, string? Comment, string? OperationId, JsonObject? Payload, IReadOnlyList<string>? AttachmentIds);
    public sealed record TransferBody(string? ToUserId, string? Comment);
    public sealed record TaskView(string Id, string Kind, string Title, string? Instructions, string? RequestId, string WorkflowInstanceId, string Stage, string Status,
        string? AssigneeId, IReadOnlyList<string> CandidateRoles, string? ClaimedBy, IReadOnlyList<string> Outcomes, IReadOnlyList<string> CommentRequiredFor,
        DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool IsOverdue, int RemindersSent, string? EscalatedTo, string? Outcome, string? Comment,
        string? ActedBy, string? OnBehalfOf, DateTimeOffset? CompletedAt);

    public static void MapTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync);
        group.MapGet("/counts", CountsAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/claim", async (string id, HttpContext http, TaskService tasks) => Results.Ok(View(await tasks.ClaimAsync(id, http.User.UserId(), http.RequestAborted))));
        group.MapPost("/{id}/release", async (string id, HttpContext http, TaskService tasks) => Results.Ok(View(await tasks.ReleaseAsync(id, http.User.UserId(), http.RequestAborted))));
        group.MapPost("/{id}/reassign", async (string id, TransferBody body, HttpContext http, TaskService tasks) =>
            body.ToUserId is null ? Missing("toUserId")
                : Results.Ok(View(await tasks.ReassignAsync(id, http.User.UserId(), body.ToUserId, body.Comment, http.User.IsInRole(Identity.Roles.Admin), http.RequestAborted))));
        group.MapPost("/{id}/delegate", async (string id, TransferBody body, HttpContext http, TaskService tasks) =>
            body.ToUserId is null ? Missing("toUserId") : Results.Ok(View(await tasks.DelegateAsync(id, http.User.UserId(), body.ToUserId, body.Comment, http.RequestAborted))));
        group.MapPost("/{id}/decision", DecideAsync);
    }

    /// <summary>
    /// The inbox, filtered, ordered and paged in the database. The body is the page's tasks; <c>X-Total-Count</c> says how
    /// many match in all.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext http, Inbox inbox, string? scope = null, bool? overdue = null, string? type = null, string? stage = null,
        string? unit = null, DateTimeOffset? dueBefore = null, string? q = null, string? sort = null, int page = 1, int pageSize = 50)
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
        return Results.Ok(result.Items.Select(View));
    }

    private static async Task<IResult> CountsAsync(HttpContext http, Inbox inbox) => Results.Ok(await inbox.CountAsync(http.User.UserId(), http.RequestAborted));

    private static async Task<IResult> GetAsync(string id, HttpContext http, Activities.Access.RequestAccess access) =>
        Results.Ok(View(await access.FindVisibleTaskAsync(http.User.UserId(), id, http.RequestAborted) ?? throw new TaskNotFoundException(id)));

    private static async Task<IResult> DecideAsync(string id, DecisionBody body, HttpContext http, TaskService tasks)
    {
        if (string.IsNullOrWhiteSpace(body.Outcome)) return Missing("outcome");
        var result = await tasks.DecideAsync(id, http.User.UserId(), body.Outcome, body.Comment, body.OperationId, body.Payload, body.AttachmentIds, http.RequestAborted);
        return Results.Ok(View(result.Task));
    }

    private static IResult Missing(string field) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = ["is required"] });

    internal static TaskView View(HumanTask t) => new(t.Id, t.Kind, t.Title, t.Instructions, t.RequestId, t.WorkflowInstanceId, t.ActivityId, t.Status.ToString(),
        t.AssigneeId, t.CandidateRoles, t.ClaimedBy, t.Outcomes, t.CommentRequiredFor, t.CreatedAt, t.DueAt, t.IsOverdue, t.RemindersSent, t.EscalatedTo,
        t.Outcome, t.Comment, t.ActedBy, t.OnBehalfOf, t.CompletedAt);
}
