using Approvals.Activities.Contracts;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Access;

/// <summary>
/// Who may see a request or a task: the one rule behind the API, every page and every download. FAO staff see every
/// request; everyone else sees their own unit's. A task is seen by whoever may act on it, whoever acted on it, and whoever
/// may see its request. People are read from the directory on each question (an account locked or moved to another unit
/// loses its view at once), and a locked account sees nothing.
/// </summary>
public sealed class RequestAccess(IUserDirectory directory, TaskService tasks, ApprovalsDbContextFactory factory)
{
    public async Task<bool> MaySeeAsync(string userId, Request request, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        return user is { IsActive: true } && (StaffRoles.Includes(user) || (user.UnitId is { } unit && unit == request.UnitId));
    }

    public async Task<bool> MaySeeAsync(string userId, HumanTask task, CancellationToken cancellationToken = default)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is not { IsActive: true }) return false;
        if (task.ActedBy == userId || await tasks.ActorForAsync(task, userId, cancellationToken) is not null) return true;
        if (task.RequestId is null) return StaffRoles.Includes(user);
        await using var db = factory.Create();
        var request = await ApprovalsQueries.RequestById(db, task.RequestId, cancellationToken);
        return request is not null && await MaySeeAsync(userId, request, cancellationToken);
    }

    /// <summary>
    /// The request when it exists and the user may see it; null otherwise (callers answer 404, not a hint that it exists).
    /// </summary>
    public async Task<Request?> FindVisibleRequestAsync(string userId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var request = await ApprovalsQueries.RequestById(db, requestId, cancellationToken);
        return request is not null && await MaySeeAsync(userId, request, cancellationToken) ? request : null;
    }

    /// <summary>The task when it exists and the user may see it; null otherwise.</summary>
    public async Task<HumanTask?> FindVisibleTaskAsync(string userId, string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var task = await ApprovalsQueries.TaskById(db, taskId, cancellationToken);
        return task is not null && await MaySeeAsync(userId, task, cancellationToken) ? task : null;
    }

    /// <summary>
    /// The newest requests the user may see (at most <paramref name="take"/>, up to 500), optionally of one type and state, matching
    /// <paramref name="search"/> in their number or title.
    /// </summary>
    public async Task<IReadOnlyList<Request>> ListVisibleAsync(string userId, string? type = null, RequestState? state = null,
        string? search = null, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = await VisibleAsync(userId, db.Requests.AsNoTracking(), cancellationToken);
        if (type is not null) query = query.Where(r => r.Type == type);
        if (state is not null) query = query.Where(r => r.State == state);
        if (search?.Trim() is { Length: > 0 } words)
        {
            // The exact text, or in any case where the database folds it (SQLite's upper() folds ASCII letters only).
            var upper = words.ToUpperInvariant();
            query = query.Where(r => r.Number.Contains(words) || r.Title.Contains(words)
                || r.Number.ToUpper().Contains(upper) || r.Title.ToUpper().Contains(upper));
        }
        return await query.OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    /// <summary>Narrows a query of requests to those the user may see (nothing for an unknown or locked account).</summary>
    private async Task<IQueryable<Request>> VisibleAsync(string userId, IQueryable<Request> requests, CancellationToken cancellationToken)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is not { IsActive: true }) return requests.Where(_ => false);
        if (StaffRoles.Includes(user)) return requests;
        var unit = user.UnitId;
        return unit is null ? requests.Where(_ => false) : requests.Where(r => r.UnitId == unit);
    }
}
