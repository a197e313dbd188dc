using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>One task of a request's history or of its current stage.</summary>
public sealed record StageEntry(string TaskId, string Stage, string Title, string Status, string? Outcome, string? Comment, string? ActedBy,
    string? OnBehalfOf, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? DueAt, bool IsOverdue)
{
    public static StageEntry Of(HumanTask t) => new(
        t.Id, t.ActivityId, t.Title, t.Status.ToString(), t.Outcome, t.Comment, t.ActedBy,
        t.OnBehalfOf, t.CreatedAt, t.CompletedAt, t.DueAt, t.IsOverdue);
}
