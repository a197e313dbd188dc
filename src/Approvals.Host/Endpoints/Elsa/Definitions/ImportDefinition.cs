using Approvals.Engine.Definitions;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>POST /elsa/api/workflow-definitions/import</c> (administrators): one Elsa 2 or 3 definition in the body, saved as a draft.
/// </summary>
internal static class ImportDefinition
{
    public static void Map(RouteGroupBuilder write) => write.MapPost("/import", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpRequest request, WorkflowDefinitionStore store, HttpContext http)
    {
        using var reader = new StreamReader(request.Body);
        var record = await store.ImportAsync(await reader.ReadToEndAsync(http.RequestAborted), publish: false);
        return Results.Ok(Full(record, http));
    }
}
