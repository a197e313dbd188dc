using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>
/// What one execution burst changed, so the runtime can write exactly those rows in one transaction
/// and, after commit, hand timers and outbox messages on.
/// </summary>
public sealed class ExecutionResult(WorkflowState state)
{
    public WorkflowState State { get; } = state;
    public List<Bookmark> AddedBookmarks { get; } = [];
    public List<Bookmark> RemovedBookmarks { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<ActivityExecutionRecord> NewActivityRecords { get; } = [];

    /// <summary>Records written by an earlier burst (a resumed activity) whose status changed now.</summary>
    public List<ActivityExecutionRecord> UpdatedActivityRecords { get; } = [];

    public List<Incident> Incidents { get; } = [];
    public List<string> ResolvedIncidentIds { get; } = [];
    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Domain rows for <see cref="Contracts.ICommitParticipant"/>s (tasks, audit entries, …).</summary>
    public List<object> CommitItems { get; } = [];


    /// <summary>
    /// Lines written by <c>Elsa.WriteLine</c>; they reach the text writer only after commit, so a burst that loses a race writes nothing.
    /// </summary>
    public List<string> OutputLines { get; } = [];

    /// <summary>Activity executions that were cancelled (for activities to release what they hold).</summary>
    public List<string> CancelledActivityExecutionIds { get; } = [];

    public bool IsNew { get; init; }

    /// <summary>The bookmark this burst resumed and the stimulus input it came with, when the burst is a resumption.</summary>
    public Bookmark? Resumed { get; internal set; }
    public System.Text.Json.Nodes.JsonObject? ResumeInput { get; internal set; }

    /// <summary>Locks an activity took for the burst (a number sequence); released after the commit or its failure.</summary>
    public List<IDisposable> Holds { get; } = [];

    internal void ReleaseHolds()
    {
        foreach (var hold in Holds) hold.Dispose();
        Holds.Clear();
    }
}

/// <summary>An event raised by an instance; it resumes <c>Elsa.Event</c> bookmarks with the same name.</summary>
public sealed record PublishedEvent(string EventName, string? CorrelationId, System.Text.Json.Nodes.JsonNode? Payload,
    string SourceInstanceId, bool IsLocal);
