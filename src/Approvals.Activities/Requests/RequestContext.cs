using Approvals.Engine.Execution;

namespace Approvals.Activities.Requests;

/// <summary>The request an instance carries, as its workflow input names it.</summary>
public sealed record RequestContext(string? RequestId, string? ApplicantId, string? UnitId, string? Type, string? Number)
{
    public static RequestContext From(ActivityExecutionContext context)
    {
        var input = context.WorkflowInput;
        return new RequestContext(Text(input["requestId"]), Text(input["applicantId"]), Text(input["unitId"]),
            Text(input["type"]), Text(input["number"]));
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
