using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Approvals.Engine.Models;

/// <summary>
/// Everything an instance needs to continue: variables, pending tokens at joins, faulted work. Bookmarks
/// are kept in their own table (found by stimulus) and loaded beside this state.
/// </summary>
public sealed class WorkflowState
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);
    public JsonObject Input { get; set; } = [];
    public JsonObject Output { get; set; } = [];

    /// <summary>The instance that started this one and waits for it (a workflow used as an activity, ExecuteWorkflow).</summary>
    public string? ParentInstanceId { get; set; }

    /// <summary>The outcomes an <c>Elsa.Complete</c> finished the workflow with; a parent continues along them.</summary>
    public List<string> FinishOutcomes { get; set; } = [];

    /// <summary>The result of the last activity that produced one (Elsa's <c>getLastResult()</c>).</summary>
    public JsonNode? LastResult { get; set; }

    /// <summary>The HTTP response an <c>Elsa.WriteHttpResponse</c> wrote for the request that started or resumed the instance.</summary>
    public JsonObject? HttpResponse { get; set; }

    /// <summary>Outputs of the last execution of each activity, by activity id.</summary>
    public Dictionary<string, JsonObject> ActivityOutputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>State an activity keeps across its bookmarks (a board's votes, a reminder count), by activity execution id.</summary>
    public Dictionary<string, JsonObject> ExecutionStates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Work scheduled but not run when the burst stopped (only after a fault).</summary>
    public List<WorkItem> Queue { get; set; } = [];

    /// <summary>Work that faulted; a retry runs it again.</summary>
    public List<WorkItem> Faulted { get; set; } = [];

    /// <summary>Tokens waiting at joins: activity id → indexes of the inbound connections that delivered one.</summary>
    public Dictionary<string, List<int>> Joins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Incidents not yet resolved by a retry.</summary>
    public int IncidentCount { get; set; }

    public long JournalSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    [JsonIgnore]
    public List<Bookmark> Bookmarks { get; set; } = [];
}
