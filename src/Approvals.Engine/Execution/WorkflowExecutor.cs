using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>
/// Runs flowcharts in memory, one burst at a time: activities run from a FIFO queue; a completed activity
/// sends a token along each connection of the ports it completed with; joins hold tokens until their
/// <see cref="JoinKind"/> lets them run; the burst ends when nothing can run. It touches no database:
/// the <see cref="ExecutionResult"/> says what changed.
/// </summary>
public sealed class WorkflowExecutor(ExpressionEvaluator expressions, IServiceProvider services, TimeProvider clock)
{
    public static WorkflowState NewState(CompiledWorkflow workflow, string instanceId, JsonObject? input,
        string? correlationId, DateTimeOffset now)
    {
        var state = new WorkflowState
        {
            Id = instanceId,
            DefinitionId = workflow.DefinitionId,
            DefinitionVersionId = workflow.VersionId,
            DefinitionVersion = workflow.Version,
            CorrelationId = correlationId,
            Name = workflow.Name,
            Input = input ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Variables) state.Variables[variable.Name] = InitialValue(variable);
        return state;
    }

    public async Task<ExecutionResult> RunAsync(CompiledWorkflow workflow, WorkflowState state, ExecutionStimulus stimulus,
        CancellationToken cancellationToken = default)
    {
        var context = new WorkflowExecutionContext(workflow, state, services, clock.GetUtcNow(),
            stimulus is ExecutionStimulus.Start, cancellationToken);
        state.SubStatus = WorkflowSubStatus.Executing;
        // A response belongs to the request of the burst that wrote it.
        state.HttpResponse = null;
        switch (stimulus)
        {
            case ExecutionStimulus.Start start:
                context.AddJournal("WorkflowStarted", message: $"Started {workflow.Name ?? workflow.DefinitionId} v{workflow.Version}");
                if (start.TriggerActivityId is { } trigger && workflow.FindNode(trigger) is not null)
                {
                    context.PendingTrigger = trigger;
                    context.TriggerInput = start.TriggerInput;
                    context.Queue.Enqueue(new WorkItem(trigger));
                }
                else if (workflow.StartNode is { } first) context.Queue.Enqueue(new WorkItem(first.Id));
                break;
            case ExecutionStimulus.Resume resume:
                var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == resume.Bookmark.Id)
                    ?? throw new BookmarkNotFoundException(resume.Bookmark.Id);
                context.Result.Resumed = bookmark;
                context.Result.ResumeInput = resume.Input;
                await ResumeAsync(context, bookmark, resume.Input);
                break;
            case ExecutionStimulus.Retry:
                foreach (var item in state.Faulted) context.Queue.Enqueue(item);
                state.Faulted.Clear();
                state.IncidentCount = 0;
                context.AddJournal("WorkflowRetried");
                break;
            case ExecutionStimulus.Cancel cancel:
                await FinishAsync(context, WorkflowSubStatus.Cancelled);
                context.AddJournal("WorkflowCancelled", message: cancel.Reason);
                break;
        }

        try
        {
            await RunQueueAsync(context);
        }
        catch
        {
            context.Result.ReleaseHolds();
            throw;
        }
        Complete(context);
        return context.Result;
    }

    private async Task RunQueueAsync(WorkflowExecutionContext context)
    {
        while (!context.IsStopped)
        {
            while (context.Queue.Count > 0 && !context.IsStopped)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var item = context.Queue.Dequeue();
                if (item.BookmarkId is { } bookmarkId)
                {
                    var bookmark = context.State.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
                    if (bookmark is not null) await ResumeAsync(context, bookmark, item.ResumeInput);
                    continue;
                }
                await ExecuteAsync(context, item);
            }
            if (context.IsStopped) break;
            if (FireReadyJoins(context)) continue;
            if (!await DeliverLocalEventsAsync(context)) break;
        }
    }

    private void Complete(WorkflowExecutionContext context)
    {
        var state = context.State;
        state.UpdatedAt = context.Now;
        // Faulted now, or still holding an earlier fault (another branch went on meanwhile): the instance stays faulted,
        // never finished with a faulted activity inside, so a retry can take the fault up again.
        if (context.IsFaulted || state.Faulted.Count > 0)
        {
            state.SubStatus = WorkflowSubStatus.Faulted;
            state.Queue.AddRange(context.Queue);
            return;
        }
        if (context.FinishedAs is null && state.Bookmarks.Count > 0)
        {
            state.SubStatus = WorkflowSubStatus.Suspended;
            return;
        }
        state.Status = WorkflowStatus.Finished;
        state.SubStatus = context.FinishedAs ?? WorkflowSubStatus.Finished;
        state.FinishedAt = context.Now;
        state.Joins.Clear();
        if (state.SubStatus == WorkflowSubStatus.Finished) context.AddJournal("WorkflowFinished");
        // A parent waits for this instance: it is told in the same transaction (an engine message), and resumed after commit.
        if (state.ParentInstanceId is { } parent)
            context.AddOutbox(EngineMessageKinds.WorkflowFinished, new JsonObject
            {
                ["parentInstanceId"] = parent,
                ["childInstanceId"] = state.Id,
                ["status"] = state.Status.ToString(),
                ["subStatus"] = state.SubStatus.ToString(),
                ["output"] = state.Output.DeepClone(),
                ["outcomes"] = new JsonArray(state.FinishOutcomes.Select(o => (JsonNode?)o).ToArray()),
            });
    }

    private async Task ExecuteAsync(WorkflowExecutionContext context, WorkItem item)
    {
        var workflow = context.Workflow;
        var index = workflow.IndexOf[item.ActivityId];
        var node = workflow.Nodes[index];
        var record = new ActivityExecutionRecord
        {
            Id = WorkflowExecutionContext.NewId(),
            WorkflowInstanceId = context.State.Id,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ActivityName = node.Name,
            Status = ActivityStatus.Running,
            StartedAt = context.Now,
        };
        context.Result.NewActivityRecords.Add(record);
        context.AddJournal("Started", node, record.Id);

        var descriptor = workflow.Descriptors[index];
        if (descriptor is null)
        {
            Fault(context, node, record, item, new NotSupportedException($"Activity type '{node.Type}' is not supported."), null);
            return;
        }
        var triggered = context.PendingTrigger == node.Id;
        if (triggered) context.PendingTrigger = null;
        var activityContext = new ActivityExecutionContext(context, node, descriptor, record.Id, expressions)
        {
            IsTriggerStart = triggered,
            ResumeInput = triggered ? context.TriggerInput : null,
        };
        await RunActivityAsync(context, activityContext, record, item, null, (activity, c) => activity.ExecuteAsync(c));
    }

    /// <summary>
    /// Creates the activity, binds its inputs, runs it and continues; a fault drops what the activity added and records an incident.
    /// </summary>
    private async Task RunActivityAsync(WorkflowExecutionContext context, ActivityExecutionContext activityContext,
        ActivityExecutionRecord record, WorkItem item,
        Bookmark? resumed, Func<Activity, ActivityExecutionContext, ValueTask> run)
    {
        var marks = Marks.Take(context);
        try
        {
            var activity = activityContext.Descriptor.Factory();
            await BindInputsAsync(activity, context.Workflow.Inputs[activityContext.Node.Index], activityContext);
            await run(activity, activityContext);
            await AfterAsync(context, activityContext, activity, record);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            marks.Restore(context);
            foreach (var b in activityContext.CreatedBookmarks) context.State.Bookmarks.Remove(b);
            Fault(context, activityContext.Node, record, item, ex, resumed);
        }
    }

    /// <summary>The record of an activity execution this burst already holds (made or resumed in it), if any.</summary>
    private static ActivityExecutionRecord? RecordOf(WorkflowExecutionContext context, string executionId) =>
        context.Result.NewActivityRecords.FirstOrDefault(r => r.Id == executionId)
        ?? context.Result.UpdatedActivityRecords.FirstOrDefault(r => r.Id == executionId);

    private async Task ResumeAsync(WorkflowExecutionContext context, Bookmark bookmark, JsonObject? input)
    {
        var workflow = context.Workflow;
        context.RemoveBookmark(bookmark);
        var node = workflow.FindNode(bookmark.ActivityId);
        // The record is this burst's own when the bookmark was made and resumed in the same burst (a local event).
        var record = RecordOf(context, bookmark.ActivityExecutionId)
            ?? new ActivityExecutionRecord
            {
                Id = bookmark.ActivityExecutionId,
                WorkflowInstanceId = context.State.Id,
                ActivityId = bookmark.ActivityId,
                ActivityType = node?.Type ?? "",
                ActivityName = node?.Name,
                Status = ActivityStatus.Running,
                StartedAt = bookmark.CreatedAt,
            };
        var item = new WorkItem(bookmark.ActivityId, BookmarkId: bookmark.Id, ResumeInput: input);
        if (node is null || workflow.Descriptors[node.Index] is not { } descriptor)
        {
            Fault(context, node ?? new ActivityNode(bookmark.ActivityId, "?", null, -1, []), record, item,
                new NotSupportedException(
                    $"Activity '{bookmark.ActivityId}' of the bookmark is not in this definition version or its type is not supported."),
                bookmark);
            return;
        }
        if (!context.Result.NewActivityRecords.Contains(record) && !context.Result.UpdatedActivityRecords.Contains(record))
            context.Result.UpdatedActivityRecords.Add(record);
        context.AddJournal("Resumed", node, record.Id, bookmark.Name, input?.DeepClone());
        var activityContext = new ActivityExecutionContext(context, node, descriptor, record.Id,
            expressions) { Resumed = bookmark, ResumeInput = input };
        await RunActivityAsync(context, activityContext, record, item, bookmark, (activity, c) => activity.ResumeAsync(c));
    }

    private static async Task BindInputsAsync(Activity activity, PreparedInput[] inputs, ActivityExecutionContext context)
    {
        foreach (var input in inputs)
        {
            var descriptor = input.Descriptor;
            var type = descriptor.Property.PropertyType;
            object? value;
            try
            {
                if (input.IsConstant) value = input.Constant;
                else if (input.Binding is { } binding)
                    value = type == typeof(WorkflowExpression) ? binding.Expression : await context.EvaluateAsync(binding.Expression, type);
                else if (input.RawValue is { } raw)
                    value = type == typeof(WorkflowExpression) ? new WorkflowExpression(WorkflowExpression.Object, raw)
                        : ValueConverter.Convert(raw, type);
                else if (descriptor.DefaultValue is { } fallback) value = ValueConverter.Convert(fallback, type);
                else continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ExpressionFaultException($"Input '{descriptor.Name}': {ex.Message}", ex);
            }
            descriptor.Setter(activity, value);
        }
    }

    private async Task AfterAsync(WorkflowExecutionContext context, ActivityExecutionContext activityContext, Activity activity,
        ActivityExecutionRecord record)
    {
        var node = activityContext.Node;
        foreach (var output in activityContext.Descriptor.Outputs)
            activityContext.Outputs[output.Name] = ValueConverter.ToJsonNode(output.Getter(activity));
        if (activityContext.Outputs.Count > 0)
        {
            context.State.ActivityOutputs[node.Id] = (JsonObject)activityContext.Outputs.DeepClone();
            record.Outputs = activityContext.Outputs;
            if (activityContext.Outputs.TryGetPropertyValue("Result", out var last)) context.State.LastResult = last?.DeepClone();
            CaptureOutputs(context, node, activityContext.Outputs);
        }

        if (activityContext.FinishRequest is { } finish)
        {
            context.State.FinishOutcomes = activityContext.Outcomes.Distinct().ToList();
            await ReleaseAsync(context, record);
            Close(context, node, record, ActivityStatus.Completed, []);
            await FinishAsync(context, finish);
            return;
        }
        if (activityContext.IsCompleted)
        {
            var outcomes = activityContext.Outcomes.Distinct().ToList();
            await ReleaseAsync(context, record);
            Close(context, node, record, ActivityStatus.Completed, outcomes);
            await FlowAsync(context, node, outcomes);
            return;
        }
        if (context.State.Bookmarks.Any(b => b.ActivityExecutionId == record.Id))
        {
            record.HasBookmarks = true;
            context.AddJournal("Suspended", node, record.Id);
            return;
        }
        // Neither completed nor waiting: the path ends here.
        Close(context, node, record, ActivityStatus.Completed, []);
    }

    /// <summary>
    /// An output the node binds to memory (<c>"result": { "memoryReference": { "id": … } }</c>) is copied there: into the variable
    /// with that id or name, or into the workflow output of that name.
    /// </summary>
    private static void CaptureOutputs(WorkflowExecutionContext context, ActivityNode node, JsonObject outputs)
    {
        foreach (var (name, value) in outputs)
        {
            if (node.GetProperty(name) is not JsonObject bound || bound["expression"] is JsonObject
                || bound["memoryReference"]?["id"] is not JsonValue reference
                || !reference.TryGetValue<string>(out var target)) continue;
            var variable = context.Workflow.Variables.FirstOrDefault(v => v.Id == target || v.Name == target);
            if (variable is not null) context.State.Variables[variable.Name] = value?.DeepClone();
            else if (context.Workflow.OutputNames.Contains(target, StringComparer.Ordinal))
                context.State.Output[target] = value?.DeepClone();
        }
    }

    /// <summary>
    /// A completed activity waits on nothing more: its remaining bookmarks (other assignees' tasks, reminders)
    /// are removed and the activity is told, so it can cancel what they stood for.
    /// </summary>
    private async Task ReleaseAsync(WorkflowExecutionContext context, ActivityExecutionRecord record)
    {
        foreach (var bookmark in context.State.Bookmarks.Where(b => b.ActivityExecutionId == record.Id).ToList())
            await CancelBookmarkAsync(context, bookmark, executionEnds: false);
        context.State.ExecutionStates.Remove(record.Id);
    }

    private static void Close(WorkflowExecutionContext context, ActivityNode node, ActivityExecutionRecord record,
        ActivityStatus status, List<string> outcomes)
    {
        record.Status = status;
        record.CompletedAt = context.Now;
        record.Outcomes = outcomes;
        context.AddJournal("Completed", node, record.Id, outcomes.Count > 0 ? string.Join(", ", outcomes) : null,
            outcomes.Count > 0 ? new JsonObject { ["outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode?)o).ToArray()) } : null);
    }

    private static void Fault(WorkflowExecutionContext context, ActivityNode node, ActivityExecutionRecord record, WorkItem item,
        Exception ex, Bookmark? resumed)
    {
        var error = ex is ExpressionFaultException or FaultException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        record.Status = ActivityStatus.Faulted;
        record.CompletedAt = context.Now;
        record.Exception = error;
        if (resumed is not null)
        {
            // The bookmark stays, so a retry (or a second stimulus) can resume it again.
            context.State.Bookmarks.Add(resumed);
            // A bookmark made in this same burst (resumed by a local event) was never stored: it must be stored now.
            if (!context.Result.RemovedBookmarks.Remove(resumed)) context.Result.AddedBookmarks.Add(resumed);
        }
        context.State.Faulted.Add(item);
        context.Result.Incidents.Add(new Incident
        {
            Id = WorkflowExecutionContext.NewId(),
            WorkflowInstanceId = context.State.Id,
            ActivityId = node.Id,
            ActivityType = node.Type,
            Message = error,
            ExceptionType = ex.GetType().FullName,
            StackTrace = ex is ExpressionFaultException or FaultException ? null : ex.StackTrace,
            Timestamp = context.Now,
        });
        context.State.IncidentCount++;
        context.AddJournal("Faulted", node, record.Id, error);
        context.IsFaulted = true;
    }

    private async Task FlowAsync(WorkflowExecutionContext context, ActivityNode node, List<string> outcomes)
    {
        var workflow = context.Workflow;
        var outbound = workflow.Outbound[node.Index];
        foreach (var outcome in outcomes)
        {
            if (!outbound.TryGetValue(outcome, out var connections)) continue;
            foreach (var connection in connections) await DeliverAsync(context, connection);
        }
    }

    private async Task DeliverAsync(WorkflowExecutionContext context, Connection connection)
    {
        var workflow = context.Workflow;
        var target = workflow.IndexOf[connection.TargetId];
        switch (workflow.JoinKinds[target])
        {
            case JoinKind.None:
                context.Queue.Enqueue(new WorkItem(connection.TargetId, connection.Index));
                break;
            case JoinKind.Stream:
                var source = workflow.IndexOf[connection.SourceId];
                if (workflow.ForwardSources[target].Any(s => s != source && IsActive(context, s)))
                {
                    if (!context.State.Joins.TryGetValue(connection.TargetId, out var held))
                        context.State.Joins[connection.TargetId] = held = [];
                    if (!held.Contains(connection.Index)) held.Add(connection.Index);
                }
                else Fire(context, target);
                break;
            case JoinKind.Race:
                context.State.Joins.Remove(connection.TargetId);
                await CancelBranchesIntoAsync(context, target);
                context.Queue.Enqueue(new WorkItem(connection.TargetId, connection.Index));
                break;
            default:
                if (!context.State.Joins.TryGetValue(connection.TargetId, out var tokens)) context.State.Joins[connection.TargetId] =
                    tokens = [];
                if (!tokens.Contains(connection.Index)) tokens.Add(connection.Index);
                if (workflow.JoinKinds[target] == JoinKind.WaitActive
                        ? workflow.Inbound[target].All(c => tokens.Contains(c.Index))
                        : workflow.RequiredInbound[target].All(tokens.Contains))
                    Fire(context, target);
                break;
        }
    }

    private static void Fire(WorkflowExecutionContext context, int target)
    {
        var id = context.Workflow.Nodes[target].Id;
        context.State.Joins.Remove(id);
        context.Queue.Enqueue(new WorkItem(id));
    }

    /// <summary>Runs WaitAll joins whose missing inbound branches can no longer deliver a token.</summary>
    private static bool FireReadyJoins(WorkflowExecutionContext context)
    {
        var workflow = context.Workflow;
        var fired = false;
        foreach (var (activityId, tokens) in context.State.Joins.ToList())
        {
            var target = workflow.IndexOf[activityId];
            if (workflow.JoinKinds[target] == JoinKind.Stream)
            {
                // The sources it waited for finished along other paths: the token it holds goes on.
                if (workflow.ForwardSources[target].Any(s => IsActive(context, s))) continue;
                Fire(context, target);
                fired = true;
                continue;
            }
            if (workflow.JoinKinds[target] != JoinKind.WaitActive) continue;
            var active = ActiveNodes(context, except: target);
            var pending = workflow.Inbound[target].Any(c =>
            {
                if (tokens.Contains(c.Index)) return false;
                var source = workflow.IndexOf[c.SourceId];
                return active.Any(x => x == source || workflow.Reach[x][source]);
            });
            if (pending) continue;
            Fire(context, target);
            fired = true;
        }
        return fired;
    }

    /// <summary>Whether a node is queued, waiting on a bookmark or faulted (it may still deliver a token).</summary>
    private static bool IsActive(WorkflowExecutionContext context, int node)
    {
        var id = context.Workflow.Nodes[node].Id;
        return context.Queue.Any(i => i.ActivityId == id) || context.State.Bookmarks.Any(b => b.ActivityId == id)
            || context.State.Faulted.Any(i => i.ActivityId == id);
    }

    /// <summary>Nodes that may still produce tokens: queued work, bookmarks, faulted work and other waiting joins.</summary>
    private static List<int> ActiveNodes(WorkflowExecutionContext context, int except)
    {
        var workflow = context.Workflow;
        var active = new List<int>();
        foreach (var item in context.Queue) active.Add(workflow.IndexOf[item.ActivityId]);
        foreach (var bookmark in context.State.Bookmarks)
            if (workflow.IndexOf.TryGetValue(bookmark.ActivityId, out var b)) active.Add(b);
        foreach (var item in context.State.Faulted)
            if (workflow.IndexOf.TryGetValue(item.ActivityId, out var f)) active.Add(f);
        foreach (var id in context.State.Joins.Keys) active.Add(workflow.IndexOf[id]);
        active.RemoveAll(x => x == except);
        return active;
    }

    /// <summary>For a race: cancels queued work, bookmarks and waiting joins from which <paramref name="target"/> can be reached.</summary>
    private async Task CancelBranchesIntoAsync(WorkflowExecutionContext context, int target)
    {
        var workflow = context.Workflow;
        bool Upstream(string activityId) =>
            workflow.IndexOf.TryGetValue(activityId, out var x) && x != target && workflow.Reach[x][target];

        var keep = context.Queue.Where(i => !Upstream(i.ActivityId)).ToList();
        context.Queue.Clear();
        foreach (var item in keep) context.Queue.Enqueue(item);
        foreach (var id in context.State.Joins.Keys.Where(Upstream).ToList()) context.State.Joins.Remove(id);
        foreach (var bookmark in context.State.Bookmarks.Where(b => Upstream(b.ActivityId)).ToList())
            await CancelBookmarkAsync(context, bookmark);
    }

    private async Task FinishAsync(WorkflowExecutionContext context, WorkflowSubStatus status)
    {
        context.FinishedAs = status;
        context.Queue.Clear();
        context.State.Joins.Clear();
        context.State.Faulted.Clear();
        foreach (var bookmark in context.State.Bookmarks.ToList()) await CancelBookmarkAsync(context, bookmark);
    }

    /// <summary>
    /// Removes a bookmark without resuming it and tells its activity (which cancels what it stood for, a task say).
    /// When the execution ends with it (a cancelled branch or instance), its record is marked cancelled once.
    /// </summary>
    private async Task CancelBookmarkAsync(WorkflowExecutionContext context, Bookmark bookmark, bool executionEnds = true)
    {
        context.RemoveBookmark(bookmark);
        var node = context.Workflow.FindNode(bookmark.ActivityId);
        if (node is null) return;
        if (executionEnds)
        {
            var record = RecordOf(context, bookmark.ActivityExecutionId);
            if (record is null)
            {
                record = new ActivityExecutionRecord
                {
                    Id = bookmark.ActivityExecutionId,
                    WorkflowInstanceId = context.State.Id,
                    ActivityId = node.Id,
                    ActivityType = node.Type,
                    ActivityName = node.Name,
                    StartedAt = bookmark.CreatedAt,
                };
                context.Result.UpdatedActivityRecords.Add(record);
            }
            // Another bookmark of the same execution may have been cancelled already: the record changes once.
            if (record.Status != ActivityStatus.Canceled)
            {
                record.Status = ActivityStatus.Canceled;
                record.CompletedAt = context.Now;
                context.State.ExecutionStates.Remove(record.Id);
                context.Result.CancelledActivityExecutionIds.Add(record.Id);
                context.AddJournal("Cancelled", node, record.Id, bookmark.Name);
            }
        }
        if (context.Workflow.Descriptors[node.Index] is { } descriptor)
            await descriptor.Factory().CancelAsync(new ActivityExecutionContext(context, node, descriptor,
                bookmark.ActivityExecutionId, expressions), bookmark);
    }

    private async Task<bool> DeliverLocalEventsAsync(WorkflowExecutionContext context)
    {
        if (context.LocalEvents.Count == 0) return false;
        var events = context.LocalEvents.ToList();
        context.LocalEvents.Clear();
        var delivered = false;
        foreach (var published in events)
        {
            var hash = StimulusHash.Compute(Activities.Event.BookmarkName, published.EventName);
            foreach (var bookmark in context.State.Bookmarks.Where(b => b.Name == Activities.Event.BookmarkName && b.Hash == hash).ToList())
            {
                var input = new JsonObject { ["payload"] = published.Payload?.DeepClone() };
                await ResumeAsync(context, bookmark, input);
                delivered = true;
            }
        }
        return delivered || context.Queue.Count > 0;
    }

    private static JsonNode? InitialValue(VariableDefinition variable)
    {
        if (variable.InitialValue is null) return null;
        var type = variable.TypeName ?? "Object";
        if (type is "String" or "string") return JsonValue.Create(variable.InitialValue);
        try
        {
            return JsonNode.Parse(variable.InitialValue);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(variable.InitialValue);
        }
    }

    /// <summary>Lengths of the burst's side-effect lists before an activity ran, to drop what a faulting activity added.</summary>
    private readonly record struct Marks(int Outbox, int CommitItems, int Local, int Added, int Lines)
    {
        public static Marks Take(WorkflowExecutionContext c) =>
            new(c.Result.Outbox.Count, c.Result.CommitItems.Count, c.LocalEvents.Count, c.Result.AddedBookmarks.Count,
                c.Result.OutputLines.Count);

        public void Restore(WorkflowExecutionContext c)
        {
            Trim(c.Result.Outbox, Outbox);
            Trim(c.Result.CommitItems, CommitItems);
            Trim(c.LocalEvents, Local);
            Trim(c.Result.AddedBookmarks, Added);
            Trim(c.Result.OutputLines, Lines);
        }

        private static void Trim<T>(List<T> list, int count)
        {
            if (list.Count > count) list.RemoveRange(count, list.Count - count);
        }
    }
}
