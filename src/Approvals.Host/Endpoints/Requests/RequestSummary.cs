using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>A request as lists show it.</summary>
public sealed record RequestSummary(
    string Id, string Number, string Type, string Title, string UnitId, string ApplicantId, string State, string Status, string StatusEn,
    string? DocumentNumber, bool OverQuota, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RequestSummary Of(Request r) => new(
        r.Id, r.Number, r.Type, r.Title, r.UnitId, r.ApplicantId, r.State.ToString(), r.Status, r.StatusEn,
        r.DocumentNumber, r.OverQuota, r.CreatedAt, r.UpdatedAt);
}
