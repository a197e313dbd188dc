using System.Text.Json.Nodes;
using Approvals.Engine.Activities;
using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Runtime;

/// <summary>
/// Starts and resumes instances durably. Each burst is committed all-or-nothing (instance state, bookmarks, journal, activity records,
/// incidents, outbox rows and the commit participants' rows: one transaction, or on SQLite one savepoint of a group commit); a commit from
/// a stale read loses on the instance's concurrency token and is re-run on fresh state, so a bookmark is resumed at most once. Timer
/// bookmarks are the durable timers (<see cref="ResumeDueTimersAsync"/> claims and resumes them); outbox messages and published events are
/// written in the same transaction and handed on only after commit, outside the instance's lock.
/// </summary>
public sealed class WorkflowRuntime(
    WorkflowDbContextFactory dbFactory,
    WorkflowDefinitionStore definitions,
    WorkflowCompiler compiler,
    WorkflowExecutor executor,
    LeaseClaims claims,
    IWorkflowTextWriter textWriter,
    InstanceLocks locks,
    IOutboxDispatcher outbox,
    IEnumerable<ICommitParticipant> participants,
    EngineMessages messages,
    WorkflowTriggers triggers,
    TimeProvider clock,
    IOptions<EngineOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    private readonly ICommitParticipant[] _participants = participants.ToArray();

    /// <summary>Starts an instance of the published version (or the version asked for) and runs it until it waits or ends.</summary>
    public async Task<WorkflowRunResult> StartAsync(string definitionId, StartWorkflowOptions? start = null,
        CancellationToken cancellationToken = default)
    {
        start ??= new StartWorkflowOptions();
        var record = start.Version is { } version
            ? await definitions.FindVersionAsync(definitionId, version, cancellationToken)
            : await definitions.FindAsync(definitionId, DefinitionVersionOptions.Published, cancellationToken);
        if (record is null)
            throw new KeyNotFoundException(start.Version is null
                ? $"Workflow definition '{definitionId}' has no published version."
                : $"Workflow definition '{definitionId}' has no version {start.Version}.");
        return await StartCompiledAsync(definitions.Compile(record), start, cancellationToken);
    }

    /// <summary>Starts an instance of the body of a container activity (<c>versionId#activityId</c>), as its child.</summary>
    public async Task<WorkflowRunResult> StartBodyAsync(string bodyVersionId, StartWorkflowOptions start,
        CancellationToken cancellationToken = default) =>
        await StartCompiledAsync(await CompileAsync(bodyVersionId, cancellationToken), start, cancellationToken);

    private async Task<WorkflowRunResult> StartCompiledAsync(CompiledWorkflow workflow, StartWorkflowOptions start,
        CancellationToken cancellationToken)
    {
        var instanceId = start.InstanceId ?? Guid.CreateVersion7().ToString("N");
        for (var attempt = 0; ; attempt++)
        {
            var state = WorkflowExecutor.NewState(workflow, instanceId, start.Input, start.CorrelationId, clock.GetUtcNow());
            state.ParentInstanceId = start.ParentInstanceId;
            if (start.Variables is not null)
                foreach (var (name, value) in start.Variables) state.Variables[name] = value?.DeepClone();
            var result = await executor.RunAsync(workflow, state, new ExecutionStimulus.Start(start.TriggerActivityId, start.TriggerInput),
                cancellationToken);
            result.CommitItems.InsertRange(0, start.CommitItems);
            try
            {
                await CommitAsync(result, stored: null, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < options.Value.ConcurrencyRetries)
            {
                // A shared row the first burst writes (a number sequence) moved under us: run the start again.
                await BackOffAsync(attempt, cancellationToken);
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new WorkflowConflictException(instanceId);
            }
            finally
            {
                result.ReleaseHolds();
            }
            await AfterCommitAsync(result, cancellationToken);
            return ToRunResult(result);
        }
    }

    /// <summary>Published definitions (latest published version of each).</summary>
    public WorkflowDefinitionStore Definitions => definitions;

    /// <summary>
    /// Resumes one bookmark. Throws <see cref="BookmarkNotFoundException"/> when it is gone (already resumed, cancelled, or never there).
    /// </summary>
    public Task<WorkflowRunResult> ResumeAsync(string bookmarkId, JsonObject? input = null,
        CancellationToken cancellationToken = default) =>
        ResumeAsync(bookmarkId, input, keepFaults: true, cancellationToken);

    /// <summary>
    /// Resumes one bookmark. With <paramref name="keepFaults"/> false, a resume that faults is not saved at all (the bookmark
    /// keeps waiting) and <see cref="WorkflowFaultException"/> says why: a person's decision either goes through or is refused.
    /// </summary>
    public async Task<WorkflowRunResult> ResumeAsync(string bookmarkId, JsonObject? input, bool keepFaults,
        CancellationToken cancellationToken = default)
    {
        string instanceId;
        await using (var db = dbFactory.Create())
        {
            instanceId = await db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.WorkflowInstanceId)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new BookmarkNotFoundException(bookmarkId);
        }
        return await ResumeInInstanceAsync(instanceId, bookmarkId, input, keepFaults, cancellationToken);
    }

    /// <summary>
    /// Resumes a bookmark of an instance the caller knows (a task knows its instance): one lookup fewer on the hot path. A bookmark
    /// that is not the instance's (any more) is a <see cref="BookmarkNotFoundException"/>.
    /// </summary>
    public async Task<WorkflowRunResult> ResumeInInstanceAsync(string instanceId, string bookmarkId,
        JsonObject? input, bool keepFaults = true,
        CancellationToken cancellationToken = default)
    {
        return await RunOnInstanceAsync(instanceId, state =>
        {
            var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId) ?? throw new BookmarkNotFoundException(bookmarkId);
            return new ExecutionStimulus.Resume(bookmark, input);
        }, cancellationToken, keepFaults: keepFaults);
    }

    /// <summary>
    /// Resumes every bookmark waiting for stimulus (<paramref name="name"/>, <paramref name="key"/>), optionally only
    /// in one instance or with one correlation id. A stimulus that matches nothing returns <see cref="StimulusResult.NoMatch"/>.
    /// </summary>
    public async Task<StimulusResult> TriggerAsync(string name, string? key, JsonObject? input = null, string? correlationId = null,
        string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var hash = StimulusHash.Compute(name, key);
        List<string> bookmarkIds;
        await using (var db = dbFactory.Create())
        {
            var query = WaitingFor(db, name, hash);
            if (correlationId is not null) query = query.Where(b => b.CorrelationId == correlationId);
            if (instanceId is not null) query = query.Where(b => b.WorkflowInstanceId == instanceId);
            bookmarkIds = await query.OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(cancellationToken);
        }
        var resumed = new List<WorkflowRunResult>();
        foreach (var id in bookmarkIds)
        {
            try
            {
                resumed.Add(await ResumeAsync(id, input, cancellationToken));
            }
            catch (BookmarkNotFoundException)
            {
                // Another stimulus resumed it first; it is no longer a match.
            }
        }
        return new StimulusResult(resumed.Count, resumed);
    }

    /// <summary>The bookmarks waiting for stimulus (<paramref name="name"/>, <paramref name="key"/>), oldest first.</summary>
    public async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string name, string? key, CancellationToken cancellationToken = default)
    {
        var hash = StimulusHash.Compute(name, key);
        await using var db = dbFactory.Create();
        return await WaitingFor(db, name, hash).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The bookmarks a stimulus (<paramref name="name"/>, <paramref name="hash"/>) resumes. Timers wait for their time, not for a
    /// stimulus, and the index by stimulus holds none of them: the query names that, or it could not use the index.
    /// </summary>
    private static IQueryable<Bookmark> WaitingFor(WorkflowDbContext db, string name, string hash) =>
        db.Bookmarks.AsNoTracking().Where(b => b.Name == name && b.Hash == hash && b.ResumeAt == null);

    /// <summary>Publishes an event to every instance waiting in <c>Elsa.Event</c> for it.</summary>
    public Task<StimulusResult> PublishEventAsync(string eventName, JsonNode? payload = null, string? correlationId = null,
        CancellationToken cancellationToken = default) =>
        TriggerAsync(Activities.Event.BookmarkName, eventName, new JsonObject { ["payload"] = payload?.DeepClone() }, correlationId,
            null, cancellationToken);

    /// <summary>Completes an <c>Elsa.RunTask</c> task with its result.</summary>
    public async Task<WorkflowRunResult> CompleteTaskAsync(string taskId, JsonNode? result = null,
        CancellationToken cancellationToken = default)
    {
        var outcome = await TriggerAsync(Activities.RunTask.BookmarkName, taskId, new JsonObject { ["result"] = result?.DeepClone() },
            cancellationToken: cancellationToken);
        return outcome.Resumed.FirstOrDefault() ?? throw new BookmarkNotFoundException(taskId);
    }

    /// <summary>
    /// Claims the timer bookmarks due now in one batch (under a lease, so several hosts share the work and a claim that
    /// stalls is taken again once it lapses) and resumes them; returns how many were resumed.
    /// </summary>
    public async Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var engine = options.Value;
        var due = await claims.ClaimTimersAsync(clock.GetUtcNow(), engine.TimerLease, engine.TimerBatchSize, cancellationToken);
        var count = 0;
        foreach (var id in due)
        {
            try
            {
                await ResumeAsync(id, null, cancellationToken);
                count++;
            }
            catch (BookmarkNotFoundException)
            {
                // Its stage was decided or its branch cancelled meanwhile: nothing left to fire.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim lapses and the timer is tried again; the others of the batch still run.
                logger.LogWarning(ex, "Timer {BookmarkId} could not be resumed; it is tried again when its lease lapses.", id);
            }
        }
        return count;
    }

    /// <summary>Starts the workflows whose timer, cron or start-at trigger is due (once across hosts).</summary>
    public Task<int> StartDueTriggersAsync(CancellationToken cancellationToken = default) =>
        triggers.StartDueAsync(this, cancellationToken);

    /// <summary>Delivers published events whose delivery after commit did not happen (the host stopped, delivery failed).</summary>
    public async Task<int> DeliverPendingEventsAsync(CancellationToken cancellationToken = default)
    {
        var engine = options.Value;
        var ids = await claims.ClaimOutboxAsync(events: true, clock.GetUtcNow(), engine.TimerLease,
            engine.TimerBatchSize, cancellationToken);
        if (ids.Count == 0) return 0;
        List<OutboxMessage> rows;
        await using (var db = dbFactory.Create())
            rows = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var row in rows)
            if (await DeliverEngineMessageAsync(row, cancellationToken)) delivered++;
        return delivered;
    }

    /// <summary>Runs the faulted activities of an instance again; its open incidents are resolved.</summary>
    public Task<WorkflowRunResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RunOnInstanceAsync(instanceId, state => state.SubStatus == WorkflowSubStatus.Faulted
            ? new ExecutionStimulus.Retry()
            : throw new InvalidOperationException($"Workflow instance '{instanceId}' is not faulted."),
            cancellationToken, resolveIncidents: true);

    /// <summary>Cancels an instance: its bookmarks are removed (and their activities told), and it finishes as Cancelled.</summary>
    /// <param name="commitItems">Domain rows written with the cancellation (the request's new state, an audit entry).</param>
    public Task<WorkflowRunResult> CancelAsync(string instanceId, string? reason = null, IReadOnlyList<object>? commitItems = null,
        CancellationToken cancellationToken = default) =>
        RunOnInstanceAsync(instanceId, state => state.Status == WorkflowStatus.Finished
            ? throw new InvalidOperationException($"Workflow instance '{instanceId}' has already finished.")
            : new ExecutionStimulus.Cancel(reason), cancellationToken, commitItems: commitItems);

    public async Task<WorkflowState?> GetStateAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(instanceId, resolveIncidents: false, cancellationToken))?.State;

    private async Task<WorkflowRunResult> RunOnInstanceAsync(string instanceId, Func<WorkflowState, ExecutionStimulus> stimulusFor,
        CancellationToken cancellationToken,
        bool resolveIncidents = false, IReadOnlyList<object>? commitItems = null, bool keepFaults = true)
    {
        ExecutionResult result;
        // One executor per instance in this process; across processes the concurrency token decides. The lock is let go
        // before anything is handed on, so an event this instance publishes (and waits for) can resume it.
        using (await locks.AcquireAsync(instanceId, cancellationToken))
            result = await RunAndCommitAsync(instanceId, stimulusFor, resolveIncidents, commitItems, cancellationToken, keepFaults);
        await AfterCommitAsync(result, cancellationToken);
        return ToRunResult(result);
    }

    private async Task<ExecutionResult> RunAndCommitAsync(string instanceId, Func<WorkflowState, ExecutionStimulus> stimulusFor,
        bool resolveIncidents,
        IReadOnlyList<object>? commitItems, CancellationToken cancellationToken, bool keepFaults = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await LoadAsync(instanceId, resolveIncidents, cancellationToken)
                ?? throw new KeyNotFoundException($"Workflow instance '{instanceId}' does not exist.");
            var stimulus = stimulusFor(loaded.State);
            var workflow = await CompileAsync(loaded.State.DefinitionVersionId, cancellationToken);
            var result = await executor.RunAsync(workflow, loaded.State, stimulus, cancellationToken);
            if (!keepFaults && result.Incidents.Count > 0)
            {
                result.ReleaseHolds();
                throw new WorkflowFaultException(instanceId, result.Incidents);
            }
            result.ResolvedIncidentIds.AddRange(loaded.OpenIncidents);
            if (commitItems is not null) result.CommitItems.InsertRange(0, commitItems);
            try
            {
                await CommitAsync(result, loaded.Stored, cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < options.Value.ConcurrencyRetries)
            {
                logger.LogDebug("Instance {InstanceId} changed under us; re-running on fresh state (attempt {Attempt}).",
                    instanceId, attempt + 1);
                await BackOffAsync(attempt, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new WorkflowConflictException(instanceId);
            }
            finally
            {
                result.ReleaseHolds();
            }
        }
    }

    /// <summary>
    /// A little growing jitter before a re-run, so bursts that keep colliding on a shared row (a number sequence) spread out.
    /// </summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(0, Math.Min(50, 2 << Math.Min(attempt, 5))), cancellationToken);

    private sealed record Loaded(WorkflowState State, StoredInstance Stored)
    {
        public List<string> OpenIncidents { get; } = [];

        public static Loaded Of(WorkflowInstanceRecord record, List<Bookmark> bookmarks)
        {
            var state = WorkflowStateSerializer.Deserialize(record.Data);
            state.Bookmarks = bookmarks;
            state.Status = record.Status;
            state.SubStatus = record.SubStatus;
            return new Loaded(state, new StoredInstance(record.ConcurrencyVersion, record.Status, record.CorrelationId));
        }
    }

    // Compiled once per model: every resume reads these (Entity Framework then skips working out a cache key per call).
    private static readonly PerModelQuery<Func<WorkflowDbContext, string, CancellationToken, Task<WorkflowInstanceRecord?>>> InstanceById =
        new(() => EF.CompileAsyncQuery((WorkflowDbContext db, string id, CancellationToken _) =>
            db.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id)));

    private static readonly PerModelQuery<Func<WorkflowDbContext, string, IAsyncEnumerable<Bookmark>>> BookmarksOf = new(() =>
        EF.CompileAsyncQuery<WorkflowDbContext, string, Bookmark>((db, id) =>
            db.Bookmarks.AsNoTracking().Where(b => b.WorkflowInstanceId == id).OrderBy(b => b.CreatedAt)));

    /// <summary>An instance's state with its bookmarks (and, when asked, its open incidents); null if there is no such instance.</summary>
    private async Task<Loaded?> LoadAsync(string instanceId, bool resolveIncidents, CancellationToken cancellationToken)
    {
        var loaded = dbFactory.Reads is { } reads
            ? Load(reads, dbFactory.Model, instanceId)
            : await LoadThroughModelAsync(instanceId, cancellationToken);
        if (loaded is null || !resolveIncidents) return loaded;
        await using var db = dbFactory.Create();
        loaded.OpenIncidents.AddRange(await db.Incidents.AsNoTracking()
            .Where(i => i.WorkflowInstanceId == instanceId && i.ResolvedAt == null).Select(i => i.Id).ToListAsync(cancellationToken));
        return loaded;
    }

    private static Loaded? Load(RowReader reads, IModel model, string instanceId)
    {
        var (instances, bookmarks) = (RowShape<WorkflowInstanceRecord>.Of(model), RowShape<Bookmark>.Of(model));
        var record = reads.ReadFirst(instances.Select("{Id} = @p0"), [instanceId], r => instances.Read(r));
        if (record is null) return null;
        var ofInstance = bookmarks.Select("{WorkflowInstanceId} = @p0 ORDER BY {CreatedAt}");
        return Loaded.Of(record, reads.ReadAll(ofInstance, [instanceId], r => bookmarks.Read(r)));
    }

    private async Task<Loaded?> LoadThroughModelAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var record = await InstanceById.For(db)(db, instanceId, cancellationToken);
        if (record is null) return null;
        var bookmarks = new List<Bookmark>();
        await foreach (var bookmark in BookmarksOf.For(db)(db, instanceId).WithCancellation(cancellationToken)) bookmarks.Add(bookmark);
        return Loaded.Of(record, bookmarks);
    }

    private async Task<CompiledWorkflow> CompileAsync(string versionId, CancellationToken cancellationToken)
    {
        if (compiler.TryGetPublished(versionId) is { } cached) return cached;
        var cut = versionId.LastIndexOf(WorkflowCompiler.BodySeparator);
        if (cut > 0) return compiler.CompileBody(await CompileAsync(versionId[..cut], cancellationToken), versionId[(cut + 1)..]);
        var record = await definitions.FindByVersionIdAsync(versionId, cancellationToken)
            ?? throw new InvalidOperationException($"Definition version '{versionId}' of the instance no longer exists.");
        return definitions.Compile(record);
    }

    /// <summary>
    /// Commits a burst in one transaction (on SQLite together with the other writes waiting then: see <see cref="GroupCommit"/>);
    /// a burst that conflicts is undone alone and its caller re-runs it on fresh state.
    /// </summary>
    private Task CommitAsync(ExecutionResult result, StoredInstance? stored, CancellationToken cancellationToken) =>
        dbFactory.GroupCommit.RunAsync((db, token) => WriteAsync(db, result, stored, token), cancellationToken);

    /// <summary>
    /// Writes a burst's rows (instance, bookmarks, journal, records, incidents, outbox, participants' rows) in the open transaction.
    /// </summary>
    private async Task WriteAsync(WorkflowDbContext db, ExecutionResult result, StoredInstance? stored, CancellationToken cancellationToken)
    {
        var state = result.State;
        var rows = new RowWriter(db);
        var instance = new WorkflowInstanceRecord
        {
            Id = state.Id,
            DefinitionId = state.DefinitionId,
            DefinitionVersionId = state.DefinitionVersionId,
            DefinitionVersion = state.DefinitionVersion,
            CorrelationId = state.CorrelationId,
            Name = state.Name,
            Status = state.Status,
            SubStatus = state.SubStatus,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            FinishedAt = state.FinishedAt,
            IncidentCount = state.IncidentCount,
            Data = WorkflowStateSerializer.Serialize(state),
            ConcurrencyVersion = (stored?.Version ?? 0) + 1,
        };
        if (stored is null) await rows.InsertAsync([instance], cancellationToken);
        else
            // Another executor (another host) that committed first moved the version on: a concurrency conflict, re-run.
            await rows.UpdateRowAsync(instance, stored.Changes(state),
                [new RowCondition(nameof(instance.ConcurrencyVersion), stored.Version)], cancellationToken);

        // Deleting a bookmark that another executor already deleted affects no row: a concurrency conflict.
        await rows.DeleteAsync(result.RemovedBookmarks, cancellationToken);
        await rows.InsertAsync(result.AddedBookmarks, cancellationToken);
        await rows.InsertAsync(result.Journal, cancellationToken);
        await rows.InsertAsync(result.NewActivityRecords, cancellationToken);
        foreach (var record in result.UpdatedActivityRecords)
            await rows.UpdateRowAsync(record, ActivityRecordChanges, [], cancellationToken);
        await rows.InsertAsync(result.Incidents, cancellationToken);
        if (result.ResolvedIncidentIds.Count > 0)
            await rows.UpdateAsync<Incident>([new RowValue(nameof(Incident.ResolvedAt), clock.GetUtcNow())],
                [new RowCondition(nameof(Incident.Id), [.. result.ResolvedIncidentIds])], cancellationToken);
        await rows.InsertAsync(result.Outbox, cancellationToken);
        foreach (var participant in _participants) await participant.OnCommittingAsync(db, result, cancellationToken);
    }

    /// <summary>
    /// An instance's row as a burst read it: the version its update requires, and the indexed columns that a burst rarely
    /// changes. An update leaves out those that did not change, so their indexes are not rewritten (a page each).
    /// </summary>
    private sealed record StoredInstance(long Version, WorkflowStatus Status, string? CorrelationId)
    {
        private static readonly string[] Always =
        [
            nameof(WorkflowInstanceRecord.SubStatus), nameof(WorkflowInstanceRecord.UpdatedAt),
            nameof(WorkflowInstanceRecord.FinishedAt), nameof(WorkflowInstanceRecord.Data),
            nameof(WorkflowInstanceRecord.ConcurrencyVersion), nameof(WorkflowInstanceRecord.IncidentCount),
            nameof(WorkflowInstanceRecord.Name),
        ];

        private static readonly string[][] Shapes =
        [
            Always,
            [.. Always, nameof(WorkflowInstanceRecord.Status)],
            [.. Always, nameof(WorkflowInstanceRecord.CorrelationId)],
            [.. Always, nameof(WorkflowInstanceRecord.Status), nameof(WorkflowInstanceRecord.CorrelationId)],
        ];

        public string[] Changes(WorkflowState now) =>
            Shapes[(now.Status != Status ? 1 : 0) + (now.CorrelationId != CorrelationId ? 2 : 0)];
    }

    private static readonly string[] ActivityRecordChanges =
    [
        nameof(ActivityExecutionRecord.Status), nameof(ActivityExecutionRecord.CompletedAt), nameof(ActivityExecutionRecord.Outcomes),
        nameof(ActivityExecutionRecord.Outputs), nameof(ActivityExecutionRecord.Exception), nameof(ActivityExecutionRecord.HasBookmarks),
    ];

    private async Task AfterCommitAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        foreach (var line in result.OutputLines) textWriter.WriteLine(result.State.Id, line);
        // The rows are committed: from here on a failure only delays delivery (the sweeps find the rows again).
        try
        {
            var mail = result.Outbox.Where(m => !EngineMessageKinds.IsEngine(m.Kind)).Select(m => m.Id).ToList();
            if (mail.Count > 0) await outbox.DispatchAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Handing outbox messages of instance {InstanceId} on failed; they stay in the database and will be " +
                "picked up again.", result.State.Id);
        }
        foreach (var row in result.Outbox.Where(m => EngineMessageKinds.IsEngine(m.Kind)))
        {
            if (!await claims.ClaimOutboxRowAsync(row.Id, clock.GetUtcNow(), options.Value.TimerLease, cancellationToken)) continue;
            await DeliverEngineMessageAsync(row, cancellationToken);
        }
    }

    /// <summary>
    /// Delivers one claimed engine message (an event, a child to start, a child's finish), then marks it sent (a failure leaves it to the
    /// sweep).
    /// </summary>
    private async Task<bool> DeliverEngineMessageAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            await messages.DeliverAsync(this, row, cancellationToken);
            var now = clock.GetUtcNow();
            await dbFactory.GroupCommit.RunAsync((db, token) => db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, row.Attempts + 1), token), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Message {Kind} of instance {InstanceId} could not be delivered now; the sweep tries again.",
                row.Kind, row.WorkflowInstanceId);
            return false;
        }
    }

    private static WorkflowRunResult ToRunResult(ExecutionResult result) => new(
        result.State.Id,
        result.State.Status,
        result.State.SubStatus,
        result.State.Bookmarks.ToList(),
        result.Incidents.ToList(),
        result.State.Output,
        result.CommitItems.ToList());
}
