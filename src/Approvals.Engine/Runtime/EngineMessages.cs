using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approvals.Engine.Runtime;

/// <summary>
/// Delivers the engine's own outbox messages: published events (to waiting instances and to workflows an event starts),
/// children to start, a child's finish to its parent, a child to cancel. Each delivery is idempotent, because a message
/// is delivered at least once (after commit, and again by the sweep when that was lost).
/// </summary>
public sealed class EngineMessages(WorkflowDbContextFactory dbFactory, WorkflowTriggers triggers, ILogger<EngineMessages> logger)
{
    public async Task DeliverAsync(WorkflowRuntime runtime, OutboxMessage row, CancellationToken cancellationToken)
    {
        var body = row.Body;
        switch (row.Kind)
        {
            case EngineMessageKinds.Event:
            {
                var eventName = body["eventName"]!.GetValue<string>();
                var correlationId = body["correlationId"]?.GetValue<string>();
                var outcome = await runtime.TriggerAsync(Activities.Event.BookmarkName, eventName,
                    new JsonObject { ["payload"] = body["payload"]?.DeepClone() },
                    correlationId, cancellationToken: cancellationToken);
                var started = await triggers.StartByEventAsync(runtime, eventName, body["payload"], correlationId,
                    $"event:{row.Id}", cancellationToken);
                if (outcome.NoMatch && started == 0)
                    logger.LogInformation("Event {EventName} published by instance {InstanceId} reached no waiting instance.",
                        eventName, row.WorkflowInstanceId);
                break;
            }
            case EngineMessageKinds.StartWorkflow:
                await StartChildAsync(runtime, body, cancellationToken);
                break;
            case EngineMessageKinds.WorkflowFinished:
            {
                var parent = body["parentInstanceId"]!.GetValue<string>();
                var child = body["childInstanceId"]!.GetValue<string>();
                // The parent may have been cancelled meanwhile: then nothing waits and nothing is resumed.
                await runtime.TriggerAsync(EngineMessageKinds.ChildBookmark, child, (JsonObject)body.DeepClone(), instanceId: parent,
                    cancellationToken: cancellationToken);
                break;
            }
            case EngineMessageKinds.CancelWorkflow:
            {
                var id = body["instanceId"]!.GetValue<string>();
                var state = await runtime.GetStateAsync(id, cancellationToken);
                if (state is { Status: WorkflowStatus.Running })
                    await runtime.CancelAsync(id, "The activity that started it was cancelled.", cancellationToken: cancellationToken);
                break;
            }
        }
    }

    private async Task StartChildAsync(WorkflowRuntime runtime, JsonObject body, CancellationToken cancellationToken)
    {
        var instanceId = body["instanceId"]!.GetValue<string>();
        await using (var db = dbFactory.Create())
            if (await db.Instances.AsNoTracking().AnyAsync(i => i.Id == instanceId, cancellationToken)) return;
        var parent = body["parentInstanceId"]?.GetValue<string>();
        var start = new StartWorkflowOptions
        {
            InstanceId = instanceId,
            Input = body["input"] as JsonObject,
            Variables = body["variables"] as JsonObject,
            CorrelationId = body["correlationId"]?.GetValue<string>(),
            ParentInstanceId = parent,
        };
        try
        {
            if (body["bodyVersionId"]?.GetValue<string>() is { } bodyVersionId)
                await runtime.StartBodyAsync(bodyVersionId, start, cancellationToken);
            else await StartDefinitionAsync(runtime, body["definitionId"]!.GetValue<string>(), start, cancellationToken);
        }
        catch (KeyNotFoundException ex) when (parent is not null)
        {
            // Nothing to run: the waiting parent is resumed with the reason, so its activity faults where an administrator sees it.
            await runtime.TriggerAsync(EngineMessageKinds.ChildBookmark, instanceId, new JsonObject { ["error"] = ex.Message },
                instanceId: parent, cancellationToken: cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host delivered the same message first; anything else is tried again by the sweep.
            if (!await ExistsAsync(instanceId, cancellationToken)) throw;
        }
    }

    /// <summary>
    /// The published version; a workflow that has none yet runs its latest version, as Elsa runs the version a node names.
    /// </summary>
    private async Task StartDefinitionAsync(WorkflowRuntime runtime, string definitionId, StartWorkflowOptions start,
        CancellationToken cancellationToken)
    {
        var definitions = runtime.Definitions;
        if (await definitions.FindAsync(definitionId, DefinitionVersionOptions.Published, cancellationToken) is null
            && await definitions.FindAsync(definitionId, DefinitionVersionOptions.Latest, cancellationToken) is { } latest)
        {
            logger.LogWarning("Workflow {DefinitionId} has no published version; its latest version {Version} runs as a child.",
                definitionId, latest.Version);
            start = start with { Version = latest.Version };
        }
        await runtime.StartAsync(definitionId, start, cancellationToken);
    }

    private async Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.Instances.AsNoTracking().AnyAsync(i => i.Id == instanceId, cancellationToken);
    }
}
