using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Administration;

/// <summary>
/// Workflow instances that stopped on a fault, with what went wrong, and their retry from the faulted activities
/// (for the administration page and the API alike). A retry is audited.
/// </summary>
public sealed class Incidents(WorkflowDbContextFactory engine, ApprovalsDbContextFactory domain,
    WorkflowRuntime runtime, TimeProvider clock)
{
    public sealed record Open(string InstanceId, string DefinitionId, int Version, string? Name, string? RequestId, DateTimeOffset Since,
        IReadOnlyList<Entry> Entries);

    public sealed record Entry(string Id, string ActivityId, string ActivityType, string Message, DateTimeOffset At);

    public async Task<IReadOnlyList<Open>> ListAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = engine.Create();
        var instances = await db.Instances.AsNoTracking().Where(i => i.SubStatus == WorkflowSubStatus.Faulted)
            .OrderByDescending(i => i.UpdatedAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var incidents = (await db.Incidents.AsNoTracking().Where(x => ids.Contains(x.WorkflowInstanceId) && x.ResolvedAt == null)
            .ToListAsync(cancellationToken))
            .ToLookup(x => x.WorkflowInstanceId);
        await using var approvals = domain.Create();
        var requests = await approvals.Requests.AsNoTracking().Where(r => ids.Contains(r.WorkflowInstanceId))
            .Select(r => new { r.Id, r.WorkflowInstanceId }).ToDictionaryAsync(r => r.WorkflowInstanceId, r => r.Id, cancellationToken);
        return instances.Select(i => new Open(i.Id, i.DefinitionId, i.DefinitionVersion, i.Name,
            requests.GetValueOrDefault(i.Id), i.UpdatedAt,
            incidents[i.Id].OrderBy(x => x.Timestamp).Select(x => new Entry(x.Id, x.ActivityId, x.ActivityType, x.Message, x.Timestamp))
            .ToList())).ToList();
    }

    /// <summary>Retries the instance; null when it is not faulted (nothing to retry).</summary>
    public async Task<WorkflowRunResult?> RetryAsync(string instanceId, string? actorId = null,
        CancellationToken cancellationToken = default)
    {
        WorkflowRunResult result;
        try
        {
            result = await runtime.RetryAsync(instanceId, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException)
        {
            return null; // not faulted (or retried meanwhile), or no such instance
        }
        if (actorId is not null)
        {
            await using var db = domain.Create();
            await AdministrativeChange.SaveAsync(db, actorId, "InstanceRetried",
                new System.Text.Json.Nodes.JsonObject { ["instanceId"] = instanceId, ["subStatus"] = result.SubStatus.ToString() },
                clock.GetUtcNow(), cancellationToken);
        }
        return result;
    }
}
