using System.Text.Json.Nodes;

namespace Approvals.Activities.Requests;

/// <summary>A filing by a unit: its form data, where it stands, and the workflow instance that carries it.</summary>
public sealed class Request
{
    public required string Id { get; set; }

    /// <summary>Per type and year, e.g. <c>SC-2026-0007</c>.</summary>
    public required string Number { get; set; }

    public required string Type { get; set; }
    public required string DefinitionId { get; set; }
    public required string UnitId { get; set; }
    public required string ApplicantId { get; set; }
    public required string Title { get; set; }
    public required JsonObject Data { get; set; }
    public int Revision { get; set; } = 1;
    public RequestState State { get; set; } = RequestState.InProgress;

    /// <summary>The status text the applicant sees (Chinese / English).</summary>
    public string Status { get; set; } = "已提交";
    public string StatusEn { get; set; } = "Submitted";

    public required string WorkflowInstanceId { get; set; }
    public string? DocumentNumber { get; set; }
    public bool OverQuota { get; set; }
    public JsonArray? PolicyChecks { get; set; }
    public JsonObject? QuotaStanding { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
