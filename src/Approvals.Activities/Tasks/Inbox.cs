using Approvals.Activities.Contracts;
using Approvals.Activities.Persistence;
using Approvals.Activities.Proxies;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tasks;

/// <summary>
/// Which open tasks a user sees: their own (and their principals' when they are a proxy), and those offered to their roles
/// (and, for a proxy, to the roles of the principals it covers). Filtering, ordering, paging and counting all happen in
/// the database, on indexes, so an inbox costs the same with a hundred open tasks or a hundred thousand.
/// </summary>
public sealed class Inbox(ApprovalsDbContextFactory factory, IUserDirectory directory, TimeProvider clock)
{
    /// <summary>The first <paramref name="take"/> tasks of a tab, in the default order.</summary>
    public async Task<IReadOnlyList<HumanTask>> ListAsync(string userId, InboxScope scope, bool? overdue = null, int take = 200, CancellationToken cancellationToken = default) =>
        (await QueryAsync(userId, new InboxQuery { Scope = scope, Overdue = overdue, PageSize = take }, cancellationToken)).Items;

    public async Task<InboxPage> QueryAsync(string userId, InboxQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, InboxQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        await using var db = factory.Create();
        var visible = await VisibleAsync(db, userId, query.Scope, cancellationToken);
        if (visible is null) return new InboxPage([], 0, page, pageSize);
        var filtered = Filter(db, visible, query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await Order(filtered, query.Sort).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new InboxPage(items, total, page, pageSize);
    }

    /// <summary>How many open tasks are on each tab, and how many of all are overdue.</summary>
    public async Task<InboxCounts> CountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var mine = await VisibleAsync(db, userId, InboxScope.Mine, cancellationToken);
        var offered = await VisibleAsync(db, userId, InboxScope.Candidate, cancellationToken);
        if (mine is null || offered is null) return new InboxCounts(0, 0, 0);
        var mineCount = await mine.CountAsync(cancellationToken);
        var offeredCount = await offered.CountAsync(cancellationToken);
        var overdue = await mine.Union(offered).CountAsync(t => t.IsOverdue, cancellationToken);
        return new InboxCounts(mineCount, offeredCount, overdue);
    }

    /// <summary>The open tasks of a tab as a query; null for an unknown user.</summary>
    private async Task<IQueryable<HumanTask>?> VisibleAsync(ApprovalsDbContext db, string userId, InboxScope scope, CancellationToken cancellationToken)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is null) return null;
        var now = clock.GetUtcNow();
        var proxies = await db.Proxies.AsNoTracking().Where(p => p.SubstituteId == userId && p.From <= now && p.To > now).ToListAsync(cancellationToken);
        var me = proxies.Select(p => p.PrincipalId).Append(userId).Distinct().ToList();

        var open = db.Tasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed);
        var mine = open.Where(t => (t.AssigneeId != null && me.Contains(t.AssigneeId)) || (t.ClaimedBy != null && me.Contains(t.ClaimedBy)));
        if (scope == InboxScope.Mine) return mine;
        if (scope == InboxScope.All && user.Roles.Contains("admin")) return open;

        var offered = Offered(db, open, user.Roles.ToList(), user.UnitId, null);
        // A proxy also sees what their principals' roles are offered (for the workflows the proxy covers): they may decide it for them.
        foreach (var proxy in proxies)
            if (await directory.FindAsync(proxy.PrincipalId, cancellationToken) is { } principal)
                offered = offered.Union(Offered(db, open, principal.Roles.ToList(), principal.UnitId, proxy));
        return scope == InboxScope.Candidate ? offered : mine.Union(offered);
    }

    private static IQueryable<HumanTask> Offered(ApprovalsDbContext db, IQueryable<HumanTask> open, List<string> roles, string? unitId, Proxy? proxy)
    {
        var offered = open.Where(t => t.ClaimedBy == null && db.TaskCandidates.Any(c => c.TaskId == t.Id && c.IsOpen && roles.Contains(c.Role)
            && (c.UnitId == null || c.UnitId == unitId)));
        if (proxy is { DefinitionIds.Count: > 0 } limited)
        {
            var definitions = limited.DefinitionIds;
            offered = offered.Where(t => definitions.Contains(t.DefinitionId));
        }
        return offered;
    }

    private static IQueryable<HumanTask> Filter(ApprovalsDbContext db, IQueryable<HumanTask> tasks, InboxQuery query)
    {
        if (query.Overdue is { } overdue) tasks = tasks.Where(t => t.IsOverdue == overdue);
        if (!string.IsNullOrWhiteSpace(query.Stage)) tasks = tasks.Where(t => t.ActivityId == query.Stage);
        if (query.DueBefore is { } due) tasks = tasks.Where(t => t.DueAt != null && t.DueAt <= due);
        if (!string.IsNullOrWhiteSpace(query.RequestType))
            tasks = tasks.Where(t => db.Requests.Any(r => r.Id == t.RequestId && r.Type == query.RequestType));
        if (!string.IsNullOrWhiteSpace(query.UnitId))
            tasks = tasks.Where(t => db.Requests.Any(r => r.Id == t.RequestId && r.UnitId == query.UnitId));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            tasks = tasks.Where(t => t.Title.Contains(text) || db.Requests.Any(r => r.Id == t.RequestId && r.Number.Contains(text)));
        }
        return tasks;
    }

    private static IQueryable<HumanTask> Order(IQueryable<HumanTask> tasks, InboxSort sort) => sort switch
    {
        InboxSort.Newest => tasks.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        InboxSort.Created => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        InboxSort.Title => tasks.OrderBy(t => t.Title).ThenBy(t => t.CreatedAt),
        // Overdue first, then the nearest due date (tasks without one last), then the oldest.
        _ => tasks.OrderByDescending(t => t.IsOverdue).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };
}
