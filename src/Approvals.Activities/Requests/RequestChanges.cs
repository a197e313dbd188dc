using System.Text.Json.Nodes;

namespace Approvals.Activities.Requests;

/// <summary>A new request, written in the transaction that starts its workflow.</summary>
public sealed record RequestCreated(Request Request);

/// <summary>A change to a request made by a stage; null fields are left as they are.</summary>
public sealed record RequestUpdated(string RequestId)
{
    public string? Status { get; init; }
    public string? StatusEn { get; init; }
    public RequestState? State { get; init; }
    public JsonObject? Data { get; init; }

    /// <summary>A new title (the revised data changed the field the title is made from).</summary>
    public string? Title { get; init; }
    public string? RevisedBy { get; init; }
    public string? DocumentNumber { get; init; }
    public bool? OverQuota { get; init; }
    public JsonArray? PolicyChecks { get; init; }
    public JsonObject? QuotaStanding { get; init; }
}
