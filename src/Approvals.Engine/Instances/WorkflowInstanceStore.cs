using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Instances;

/// <summary>Reads workflow instances as stored (Elsa's <c>IWorkflowInstanceStore</c>): one, a filtered page, their incidents.</summary>
public sealed class WorkflowInstanceStore(WorkflowDbContextFactory factory)
{
    public async Task<WorkflowInstanceRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The definition version an instance runs, or null when there is no such instance.</summary>
    public async Task<string?> DefinitionVersionIdOfAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => i.DefinitionVersionId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A page of the instances the filter lets through, newest first.</summary>
    public async Task<ResultPage<WorkflowInstanceRecord>> ListAsync(
        WorkflowInstanceFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = db.Instances.AsNoTracking();
        if (filter.DefinitionId is { } definitionId) query = query.Where(i => i.DefinitionId == definitionId);
        if (filter.DefinitionIds is { Count: > 0 } ids) query = query.Where(i => ids.Contains(i.DefinitionId));
        if (filter.CorrelationId is { } correlation) query = query.Where(i => i.CorrelationId == correlation);
        if (!string.IsNullOrWhiteSpace(filter.SearchTerm))
        {
            var term = filter.SearchTerm;
            query = query.Where(i => i.Id.Contains(term) || i.Name!.Contains(term) || i.CorrelationId!.Contains(term));
        }
        var items = await query.OrderByDescending(i => i.CreatedAt).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ResultPage<WorkflowInstanceRecord>(items, await query.CountAsync(cancellationToken));
    }

    /// <summary>An instance's incidents, resolved or not.</summary>
    public async Task<List<Incident>> IncidentsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Incidents.AsNoTracking().Where(i => i.WorkflowInstanceId == id).ToListAsync(cancellationToken);
    }
}
