using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Instances;

/// <summary>An instance's journal, in the order it was written (Elsa's <c>IWorkflowExecutionLogStore</c>).</summary>
public sealed class WorkflowExecutionLogStore(WorkflowDbContextFactory factory)
{
    public async Task<ResultPage<JournalEntry>> PageAsync(
        string instanceId, int offset, int take, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = db.Journal.AsNoTracking().Where(j => j.WorkflowInstanceId == instanceId);
        var items = await query.OrderBy(j => j.Sequence).Skip(offset).Take(take).ToListAsync(cancellationToken);
        return new ResultPage<JournalEntry>(items, await query.CountAsync(cancellationToken));
    }
}
