using System.Text.Json.Nodes;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>A request with its data, checks, instance state, history, current tasks, files and audit entries.</summary>
public sealed record RequestDetails(
    RequestSummary Request, JsonObject Data, int Revision, JsonArray? PolicyChecks, JsonObject? QuotaStanding, string InstanceId,
    string InstanceStatus, IReadOnlyList<StageEntry> History, IReadOnlyList<StageEntry> CurrentTasks,
    IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<AuditInfo> Audit);
