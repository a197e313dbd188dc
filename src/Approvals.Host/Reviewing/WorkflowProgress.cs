using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Reviewing;

/// <summary>
/// Where an instance stands, as the task page draws it: the definition version it runs on, every activity that ran, and
/// the activities waiting now. Callers decide first whether the user may see the instance (through its task or request).
/// </summary>
public sealed class WorkflowProgress(WorkflowRuntime runtime, WorkflowDefinitionStore definitions, WorkflowDbContextFactory engine)
{
    public sealed record Snapshot(
        WorkflowState State, WorkflowDefinitionDocument? Diagram, IReadOnlyList<ActivityExecutionRecord> Executions,
            IReadOnlySet<string> Waiting);

    public async Task<Snapshot?> OfAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (await runtime.GetStateAsync(instanceId, cancellationToken) is not { } state) return null;
        var version = await definitions.FindByVersionIdAsync(state.DefinitionVersionId, cancellationToken);
        await using var db = engine.Create();
        var executions = await db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == state.Id)
            .ToListAsync(cancellationToken);
        // A bookmark with a resume time is a timer; the diagram marks what waits on people or events.
        var waiting = state.Bookmarks.Where(b => b.ResumeAt is null).Select(b => b.ActivityId).ToHashSet(StringComparer.Ordinal);
        return new Snapshot(state, version is null ? null : WorkflowDefinitionStore.ToDocument(version), executions, waiting);
    }
}
