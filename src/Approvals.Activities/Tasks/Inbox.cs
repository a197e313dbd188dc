using Approvals.Activities.Contracts;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tasks;

/// <summary>Which open tasks a user sees: their own (and their principals' when they are a proxy), and those offered to their roles.</summary>
public sealed class Inbox(ApprovalsDbContextFactory factory, IUserDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<HumanTask>> ListAsync(string userId, InboxScope scope, bool? overdue = null, int take = 200, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is null) return [];
        await using var db = factory.Create();
        var now = clock.GetUtcNow();
        var proxies = await db.Proxies.AsNoTracking().Where(p => p.SubstituteId == userId && p.From <= now && p.To > now).ToListAsync(cancellationToken);
        var me = proxies.Select(p => p.PrincipalId).Append(userId).Distinct().ToList();

        var open = db.Tasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed);
        var mine = open.Where(t => (t.AssigneeId != null && me.Contains(t.AssigneeId)) || (t.ClaimedBy != null && me.Contains(t.ClaimedBy)));
        var roles = user.Roles.ToList();
        var candidateIds = db.TaskCandidates.Where(c => c.IsOpen && roles.Contains(c.Role) && (c.UnitId == null || c.UnitId == user.UnitId)).Select(c => c.TaskId);
        var candidate = open.Where(t => t.ClaimedBy == null && candidateIds.Contains(t.Id));
        var query = scope switch
        {
            InboxScope.Mine => mine,
            InboxScope.Candidate => candidate,
            _ when user.Roles.Contains("admin") => open,
            _ => mine.Union(candidate),
        };
        if (overdue is { } o) query = query.Where(t => t.IsOverdue == o);
        var tasks = await query.ToListAsync(cancellationToken);
        // A proxy also sees what their principals' roles are offered (for the workflows the proxy covers): they may decide it for them.
        if (scope != InboxScope.Mine && !user.Roles.Contains("admin"))
        {
            foreach (var proxy in proxies)
            {
                if (await directory.FindAsync(proxy.PrincipalId, cancellationToken) is not { } principal) continue;
                var principalRoles = principal.Roles.ToList();
                var offeredIds = db.TaskCandidates.Where(c => c.IsOpen && principalRoles.Contains(c.Role) && (c.UnitId == null || c.UnitId == principal.UnitId)).Select(c => c.TaskId);
                var offered = open.Where(t => t.ClaimedBy == null && offeredIds.Contains(t.Id));
                if (overdue is { } od) offered = offered.Where(t => t.IsOverdue == od);
                tasks.AddRange((await offered.ToListAsync(cancellationToken)).Where(t => proxy.Covers(now, t.DefinitionId)));
            }
            tasks = tasks.DistinctBy(t => t.Id).ToList();
        }
        // Overdue first, then the nearest due date, then the oldest.
        return tasks.OrderByDescending(t => t.IsOverdue).ThenBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt).Take(take).ToList();
    }
}

public enum InboxScope
{
    Mine,
    Candidate,
    All,
}
