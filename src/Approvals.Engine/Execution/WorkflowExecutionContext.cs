using System.Text.Json.Nodes;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>The state of one execution burst of one instance: the queue of work, and what the burst changed.</summary>
public sealed class WorkflowExecutionContext
{
    internal WorkflowExecutionContext(CompiledWorkflow workflow, WorkflowState state, IServiceProvider services, DateTimeOffset now,
        bool isNew, CancellationToken cancellationToken)
    {
        Workflow = workflow;
        State = state;
        Services = services;
        // Whole microseconds: what PostgreSQL keeps, so a timestamp read back equals the one the burst used, on either database.
        Now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        CancellationToken = cancellationToken;
        Result = new ExecutionResult(state) { IsNew = isNew };
        foreach (var item in state.Queue) Queue.Enqueue(item);
        state.Queue.Clear();
    }

    public CompiledWorkflow Workflow { get; }
    public WorkflowState State { get; }
    public IServiceProvider Services { get; }
    public ExecutionResult Result { get; }

    /// <summary>The burst's clock reading; every timestamp of the burst uses it.</summary>
    public DateTimeOffset Now { get; }

    public CancellationToken CancellationToken { get; }
    internal Queue<WorkItem> Queue { get; } = new();
    internal List<PublishedEvent> LocalEvents { get; } = [];
    internal bool IsFaulted { get; set; }

    /// <summary>The trigger activity that started this burst and has not run yet, with what the trigger carried.</summary>
    internal string? PendingTrigger { get; set; }
    internal JsonObject? TriggerInput { get; set; }
    internal WorkflowSubStatus? FinishedAs { get; set; }

    internal bool IsStopped => IsFaulted || FinishedAs is not null;

    internal static string NewId() => Guid.CreateVersion7().ToString("N");

    internal void SetVariable(string name, object? value) => State.Variables[name] = ValueConverter.ToJsonNode(value);

    internal void AddJournal(string eventName, ActivityNode? node = null, string? activityExecutionId = null, string? message = null,
        JsonNode? payload = null) =>
        Result.Journal.Add(new JournalEntry
        {
            Id = NewId(),
            WorkflowInstanceId = State.Id,
            Sequence = ++State.JournalSequence,
            ActivityId = node?.Id,
            ActivityType = node?.Type,
            ActivityName = node?.Name,
            ActivityExecutionId = activityExecutionId,
            EventName = eventName,
            Message = message,
            Payload = payload,
            Timestamp = Now,
        });

    /// <summary>Adds an outbox row of this instance to the burst (mail, or an engine message), written with the burst's commit.</summary>
    internal void AddOutbox(string kind, JsonObject body) =>
        Result.Outbox.Add(new OutboxMessage { Kind = kind, WorkflowInstanceId = State.Id, Body = body, CreatedAt = Now });

    internal void AddBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Add(bookmark);
        Result.AddedBookmarks.Add(bookmark);
    }

    internal void RemoveBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Remove(bookmark);
        // A bookmark made and removed in the same burst never reaches the database.
        if (!Result.AddedBookmarks.Remove(bookmark)) Result.RemovedBookmarks.Add(bookmark);
    }
}
