using System.Text.Json.Nodes;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>The designer's rules for workflows that serve a request type: one workflow per type, and none run without a request.</summary>
internal static class RequestTypeOwnership
{
    /// <summary>
    /// A workflow that serves a request type runs for a filed request only: run bare (the studio's Run button), it would put a
    /// task with no request into real inboxes. Refused with a problem that says how to try it instead.
    /// </summary>
    public static async Task<IResult?> RefuseBareRunAsync(string definitionId, RequestTypeCatalog types) =>
        (await types.ListAsync()).FirstOrDefault(t => t.DefinitionId == definitionId) is { } type
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This workflow runs for requests only.",
                detail: $"'{definitionId}' serves the request type '{type.Code}' ({type.NameEn}): it starts when a request is filed, and " +
                    "running it without one would give reviewers a task with no request. File a test request instead " +
                    "(POST /api/requests), or run a copy that declares no request type.")
            : null;

    /// <summary>A 400 naming the field when the definition declares a request type another published workflow already serves.</summary>
    public static async Task<IResult?> RefuseTakenTypeAsync(JsonObject document, RequestTypeCatalog types)
    {
        if (RequestTypeCatalog.DeclaredCode(document) is not { } code) return null;
        var owner = await types.OwnerOtherThanAsync(code, document["definitionId"]?.GetValue<string>() ?? "");
        return owner is null ? null : Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["customProperties.requestType.code"] = [$"Request type '{code}' is already served by the published workflow '{owner}'; give " +
                "this workflow its own code."],
        }, title: "The workflow definition is not valid.");
    }
}
