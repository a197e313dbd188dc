using System.Text.Json.Nodes;

namespace Approvals.Host.Endpoints.Tasks;

/// <summary>A decision: the outcome, the comment, what the stage asks to be recorded, and the files that go with it.</summary>
public sealed record DecisionRequest(string? Outcome, string? Comment, string? OperationId, JsonObject? Payload,
    IReadOnlyList<string>? AttachmentIds);
