using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Instances;

/// <summary>The record of each activity an instance ran (Elsa's <c>IActivityExecutionStore</c>).</summary>
public sealed class ActivityExecutionStore(WorkflowDbContextFactory factory)
{
    public async Task<ActivityExecutionRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>
    /// An instance's executions in the order they started; with <paramref name="activityNodeId"/>, only that activity's (named by
    /// its id or by a node id ending in it).
    /// </summary>
    public async Task<List<ActivityExecutionRecord>> ListAsync(
        string instanceId, string? activityNodeId = null, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == instanceId);
        if (activityNodeId is not null)
            query = query.Where(r => r.ActivityId == activityNodeId || activityNodeId.EndsWith(":" + r.ActivityId));
        return await query.OrderBy(r => r.StartedAt).ToListAsync(cancellationToken);
    }
}
