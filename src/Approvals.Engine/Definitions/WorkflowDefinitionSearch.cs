using Approvals.Engine.Instances;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Definitions;

/// <summary>Lists and counts of the stored definition versions, as the designer's list and its name check ask for them.</summary>
public sealed class WorkflowDefinitionSearch(WorkflowDbContextFactory factory)
{
    public async Task<ResultPage<WorkflowDefinitionRecord>> ListAsync(
        WorkflowDefinitionFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = db.Definitions.AsNoTracking();
        query = filter.Versions switch
        {
            "Published" => query.Where(d => d.IsPublished),
            "LatestOrPublished" => query.Where(d => d.IsLatest || d.IsPublished),
            "All" or "AllVersions" => query,
            _ => query.Where(d => d.IsLatest),
        };
        if (!string.IsNullOrWhiteSpace(filter.SearchTerm))
        {
            var term = filter.SearchTerm;
            query = query.Where(d => d.Name!.Contains(term) || d.DefinitionId.Contains(term));
        }
        if (filter.DefinitionIds is { Count: > 0 } ids) query = query.Where(d => ids.Contains(d.DefinitionId));
        var total = await query.CountAsync(cancellationToken);
        var descending = filter.Descending;
        // The studio's version history asks for OrderBy=Version, descending; the list for names.
        query = filter.OrderBy?.ToLowerInvariant() switch
        {
            "version" => descending ? query.OrderByDescending(d => d.Version) : query.OrderBy(d => d.Version),
            "created" or "createdat" => descending ? query.OrderByDescending(d => d.CreatedAt) : query.OrderBy(d => d.CreatedAt),
            _ => descending ? query.OrderByDescending(d => d.Name).ThenByDescending(d => d.Version)
                : query.OrderBy(d => d.Name).ThenBy(d => d.Version),
        };
        var items = await query.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ResultPage<WorkflowDefinitionRecord>(items, total);
    }

    /// <summary>How many definitions there are (their latest versions).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Definitions.CountAsync(d => d.IsLatest, cancellationToken);
    }

    /// <summary>Whether another definition (not <paramref name="exceptDefinitionId"/>) has the name already.</summary>
    public async Task<bool> IsNameTakenAsync(string name, string? exceptDefinitionId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Definitions.AnyAsync(d => d.Name == name && d.IsLatest && d.DefinitionId != exceptDefinitionId, cancellationToken);
    }
}
