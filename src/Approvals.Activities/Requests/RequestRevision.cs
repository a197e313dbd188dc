using System.Text.Json.Nodes;

namespace Approvals.Activities.Requests;

/// <summary>The form data of a request as it was before a revision replaced it.</summary>
public sealed class RequestRevision
{
    public long Id { get; set; }
    public required string RequestId { get; set; }
    public int Revision { get; set; }
    public required JsonObject Data { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }
    public string? ReplacedBy { get; set; }
}
