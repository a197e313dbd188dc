using System.Text.Json.Nodes;

namespace Approvals.Activities.Tasks;

/// <summary>A decision as it reaches the activity that owns the task (the resume input of its bookmark).</summary>
public sealed record TaskDecision(string TaskId, string Outcome, string? Comment, string ActedBy, string? OnBehalfOf, string? OperationId,
    JsonObject? Payload, IReadOnlyList<string> AttachmentIds)
{
    public JsonObject ToJson() => new()
    {
        ["taskId"] = TaskId,
        ["outcome"] = Outcome,
        ["comment"] = Comment,
        ["actedBy"] = ActedBy,
        ["onBehalfOf"] = OnBehalfOf,
        ["operationId"] = OperationId,
        ["payload"] = Payload?.DeepClone(),
        ["attachmentIds"] = new JsonArray(AttachmentIds.Select(a => (JsonNode?)a).ToArray()),
    };

    public static TaskDecision From(JsonObject input) => new(
        input["taskId"]!.GetValue<string>(),
        input["outcome"]!.GetValue<string>(),
        input["comment"]?.GetValue<string>(),
        input["actedBy"]!.GetValue<string>(),
        input["onBehalfOf"]?.GetValue<string>(),
        input["operationId"]?.GetValue<string>(),
        input["payload"] as JsonObject,
        (input["attachmentIds"] as JsonArray ?? []).Select(a => a!.GetValue<string>()).ToList());
}
