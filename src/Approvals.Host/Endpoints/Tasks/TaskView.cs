using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary>A task as the API answers it.</summary>
public sealed record TaskView(
    string Id, string Kind, string Title, string? Instructions, string? RequestId, string WorkflowInstanceId, string Stage, string Status,
    string? AssigneeId, IReadOnlyList<string> CandidateRoles, string? ClaimedBy, IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> CommentRequiredFor, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool IsOverdue, int RemindersSent,
    string? EscalatedTo, string? Outcome, string? Comment, string? ActedBy, string? OnBehalfOf, DateTimeOffset? CompletedAt)
{
    public static TaskView Of(HumanTask t) => new(
        t.Id, t.Kind, t.Title, t.Instructions, t.RequestId, t.WorkflowInstanceId, t.ActivityId, t.Status.ToString(),
        t.AssigneeId, t.CandidateRoles, t.ClaimedBy, t.Outcomes,
        t.CommentRequiredFor, t.CreatedAt, t.DueAt, t.IsOverdue, t.RemindersSent,
        t.EscalatedTo, t.Outcome, t.Comment, t.ActedBy, t.OnBehalfOf, t.CompletedAt);
}
