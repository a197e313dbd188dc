using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approvals.Engine.Runtime;

/// <summary>
/// Trigger activities that start new instances of published workflows: a timer, cron schedule or moment (<c>Elsa.Timer</c>,
/// <c>Elsa.Cron</c>, <c>Elsa.StartAt</c>), an event (<c>Elsa.Event</c>), an HTTP request (<c>Elsa.HttpEndpoint</c>) — each
/// marked "can start workflow". A scheduled start gets an instance id made from the version, the activity and the occurrence,
/// so several hosts sweeping at once start it once (the second insert loses on the primary key).
/// </summary>
public sealed class WorkflowTriggers(WorkflowDefinitionStore definitions, WorkflowDbContextFactory dbFactory, TimeProvider clock,
    ILogger<WorkflowTriggers> logger)
{
    /// <summary>A published workflow that an activity of it can start.</summary>
    public sealed record Starter(WorkflowDefinitionRecord Record, CompiledWorkflow Workflow, ActivityNode Node);

    private static readonly string[] Scheduled = ["Elsa.Timer", "Elsa.Cron", "Elsa.StartAt"];

    /// <summary>Published workflows with a start-capable activity of <paramref name="activityType"/>.</summary>
    public async Task<IReadOnlyList<Starter>> ListAsync(string activityType, CancellationToken cancellationToken = default) =>
        await ListAsync([activityType], cancellationToken);

    private async Task<List<Starter>> ListAsync(string[] activityTypes, CancellationToken cancellationToken)
    {
        var starters = new List<Starter>();
        foreach (var record in await definitions.ListPublishedAsync(cancellationToken))
        {
            CompiledWorkflow workflow;
            try
            {
                workflow = definitions.Compile(record);
            }
            catch (InvalidDefinitionException)
            {
                continue;
            }
            foreach (var node in workflow.Flowchart.Activities)
                if (activityTypes.Contains(node.Type) && CanStartWorkflow(node)) starters.Add(new Starter(record, workflow, node));
        }
        return starters;
    }

    /// <summary>Elsa's "can start workflow" flag of a trigger (customProperties, either casing).</summary>
    public static bool CanStartWorkflow(ActivityNode node) =>
        node.Json["customProperties"] is JsonObject properties
        && properties.FirstOrDefault(p => string.Equals(p.Key, "canStartWorkflow", StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
        && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) && parsed);

    /// <summary>
    /// Starts every workflow an event of this name starts; <paramref name="deliveryKey"/> makes a repeated delivery start nothing new.
    /// </summary>
    public async Task<int> StartByEventAsync(WorkflowRuntime runtime, string eventName, JsonNode? payload,
        string? correlationId, string deliveryKey,
        CancellationToken cancellationToken = default)
    {
        var started = 0;
        foreach (var starter in await ListAsync([Activities.Event.TypeName], cancellationToken))
        {
            if (!string.Equals(LiteralOf(starter.Node, "eventName"), eventName, StringComparison.Ordinal)) continue;
            var id = InstanceIdFor(starter, deliveryKey);
            if (await StartOnceAsync(runtime, starter, id, new JsonObject { ["payload"] = payload?.DeepClone() }, correlationId,
                cancellationToken)) started++;
        }
        return started;
    }

    /// <summary>Starts the scheduled workflows whose latest occurrence is due and not started yet; returns how many started.</summary>
    public async Task<int> StartDueAsync(WorkflowRuntime runtime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var started = 0;
        foreach (var starter in await ListAsync(Scheduled, cancellationToken))
        {
            DateTimeOffset? due;
            try
            {
                due = LatestOccurrence(starter, now);
            }
            catch (FormatException ex)
            {
                logger.LogWarning("Trigger {ActivityId} of workflow {DefinitionId} has an unusable schedule: {Message}", starter.Node.Id,
                    starter.Record.DefinitionId, ex.Message);
                continue;
            }
            if (due is not { } at) continue;
            var id = InstanceIdFor(starter, at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (await StartOnceAsync(runtime, starter, id, new JsonObject { ["occurrence"] = at.ToString("O") }, null,
                cancellationToken)) started++;
        }
        return started;
    }

    /// <summary>The latest occurrence of a schedule that is due now and falls after the version was published.</summary>
    public static DateTimeOffset? LatestOccurrence(Starter starter, DateTimeOffset now)
    {
        var anchor = starter.Record.PublishedAt ?? starter.Record.CreatedAt;
        var node = starter.Node;
        switch (node.Type)
        {
            case "Elsa.Timer":
            {
                var interval = Expressions.ValueConverter.Convert<TimeSpan>(LiteralOf(node, "interval")
                    ?? throw new FormatException("The timer has no interval."));
                if (interval <= TimeSpan.Zero) throw new FormatException("The timer's interval must be positive.");
                var count = (now - anchor).Ticks / interval.Ticks;
                return count >= 1 ? anchor + TimeSpan.FromTicks(interval.Ticks * count) : null;
            }
            case "Elsa.Cron":
            {
                var cron = Activities.Cron.Parse(LiteralOf(node, "cronExpression")
                    ?? throw new FormatException("The cron trigger has no expression."));
                var from = anchor > now - TimeSpan.FromDays(1) ? anchor : now - TimeSpan.FromDays(1);
                DateTimeOffset? last = null;
                foreach (var at in cron.GetOccurrences(from, now, TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true)) last = at;
                return last;
            }
            case "Elsa.StartAt":
            {
                var at = Expressions.ValueConverter.Convert<DateTimeOffset>(LiteralOf(node, "dateTime")
                    ?? throw new FormatException("StartAt has no moment."));
                return at <= now ? at : null;
            }
            default:
                return null;
        }
    }

    /// <summary>Starts the workflow with the trigger activity completed at once, unless an instance with this id exists.</summary>
    public async Task<bool> StartOnceAsync(WorkflowRuntime runtime, Starter starter, string instanceId,
        JsonObject? triggerInput, string? correlationId,
        CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.Create())
            if (await db.Instances.AsNoTracking().AnyAsync(i => i.Id == instanceId, cancellationToken)) return false;
        try
        {
            await runtime.StartAsync(starter.Record.DefinitionId, new StartWorkflowOptions
            {
                InstanceId = instanceId,
                Version = starter.Record.Version,
                CorrelationId = correlationId,
                TriggerActivityId = starter.Node.Id,
                TriggerInput = triggerInput,
            }, cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another host started this occurrence first.
            return false;
        }
        catch (WorkflowConflictException)
        {
            return false;
        }
    }

    /// <summary>The literal text of an input (a schedule, an event name): triggers are indexed without running expressions.</summary>
    public static string? LiteralOf(ActivityNode node, string input) => node.GetInput(input)?.Expression switch
    {
        { Type: WorkflowExpression.Literal or WorkflowExpression.Object, Value: JsonValue v } =>
            v.TryGetValue<string>(out var s) ? s : v.ToJsonString(),
        { Type: WorkflowExpression.Literal or WorkflowExpression.Object, Value: { } other } => other.ToJsonString(),
        _ => node.GetProperty(input) is JsonValue raw && raw.TryGetValue<string>(out var text) ? text : null,
    };

    private static string InstanceIdFor(Starter starter, string occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{starter.Record.Id}|{starter.Node.Id}|{occurrence}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
