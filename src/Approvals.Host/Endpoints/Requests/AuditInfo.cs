using System.Text.Json.Nodes;
using Approvals.Activities.Audit;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>One entry of a request's audit chain, without its hashes.</summary>
public sealed record AuditInfo(long Sequence, DateTimeOffset Timestamp, string Actor, string? OnBehalfOf, string Action, string? Comment,
    string? StatusBefore, string? StatusAfter, string? TaskId, JsonObject? Data)
{
    public static AuditInfo Of(AuditEntry e) =>
        new(e.Sequence, e.Timestamp, e.Actor, e.OnBehalfOf, e.Action, e.Comment, e.StatusBefore, e.StatusAfter, e.TaskId, e.Data);
}
