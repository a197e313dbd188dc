using System.Text.Json.Nodes;

namespace Approvals.Activities.Tasks;

/// <summary>
/// A decision someone must make: assigned to a user, or offered to candidate roles (optionally of one unit).
/// It is completed once; the operation id makes a repeated completion return the first result.
/// </summary>
public sealed class HumanTask
{
    public required string Id { get; set; }
    public required string WorkflowInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityExecutionId { get; set; }
    public required string BookmarkId { get; set; }
    public string? RequestId { get; set; }

    /// <summary>The type of the request (its code), kept on the task so the inbox filters by it without reading requests.</summary>
    public string? RequestType { get; set; }

    /// <summary>
    /// The unit of the task's request (the applicant's), kept on the task so the inbox filters by it without the requests.
    /// </summary>
    public string? RequestUnitId { get; set; }

    /// <summary>What kind of task: review, board-vote, revise, external-decision, record.</summary>
    public required string Kind { get; set; }

    public required string Title
    {
        get;
        set
        {
            field = value;
            SearchTerms = TitleTerms.Of(value);
        }
    }

    /// <summary>The title's terms for the inbox's full-text search (<see cref="TitleTerms"/>), kept with the title.</summary>
    public string SearchTerms { get; set; } = "";

    public string? Instructions { get; set; }
    public string? AssigneeId { get; set; }
    public List<string> CandidateRoles { get; set; } = [];

    /// <summary>Candidates must belong to this unit (a unit head of the applicant's unit).</summary>
    public string? CandidateUnitId { get; set; }

    public List<string> Outcomes { get; set; } = [];
    public List<string> CommentRequiredFor { get; set; } = [];
    public HumanTaskStatus Status { get; set; } = HumanTaskStatus.Open;
    public string? ClaimedBy { get; set; }

    /// <summary>Set when the assignee delegated the task: the delegate decides on this user's behalf.</summary>
    public string? DelegatedFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public bool IsOverdue { get; set; }
    public int RemindersSent { get; set; }
    public string? EscalatedTo { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    public JsonObject? Payload { get; set; }
    public List<string> AttachmentIds { get; set; } = [];
    public string? ActedBy { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? OperationId { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CancelReason { get; set; }
}
