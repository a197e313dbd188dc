using Approvals.Engine.Definitions;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>GET /elsa/api/workflow-definitions/validation/is-name-unique?name&amp;definitionId</c>: whether another definition has the name.
/// </summary>
internal static class CheckNameUnique
{
    public static void Map(RouteGroupBuilder read) => read.MapGet("/validation/is-name-unique", HandleAsync);

    private static async Task<IResult> HandleAsync(string name, string? definitionId, WorkflowDefinitionSearch search,
        CancellationToken cancellationToken) =>
        Results.Ok(new { isUnique = !await search.IsNameTakenAsync(name, definitionId, cancellationToken) });
}
