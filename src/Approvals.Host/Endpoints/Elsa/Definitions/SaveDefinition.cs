using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>POST /elsa/api/workflow-definitions</c> (administrators): the designer's save, as a draft or published. The studio posts the
/// whole definition (root, variables, designer metadata), which is kept as the document.
/// </summary>
internal static class SaveDefinition
{
    public sealed record SaveBody(JsonObject? Model, bool? Publish);

    public static void Map(RouteGroupBuilder write) => write.MapPost("/", HandleAsync);

    private static async Task<IResult> HandleAsync(SaveBody body, WorkflowDefinitionStore store, RequestTypeCatalog types,
        HttpContext http)
    {
        if (body.Model is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["is required"] });
        var publish = body.Publish == true;
        if (publish && await RequestTypeOwnership.RefuseTakenTypeAsync(body.Model, types) is { } taken) return taken;
        var before = body.Model["definitionId"]?.GetValue<string>() is { } id
            ? await store.FindAsync(id, DefinitionVersionOptions.Published) : null;
        var json = (JsonObject)body.Model.DeepClone();
        json.Remove("links");
        var record = await store.SaveAsync(new WorkflowDefinitionDocument(json), publish);
        return Results.Ok(new { workflowDefinition = Full(record, http), alreadyPublished = publish && before?.Id == record.Id,
            consumingWorkflowCount = 0 });
    }
}
