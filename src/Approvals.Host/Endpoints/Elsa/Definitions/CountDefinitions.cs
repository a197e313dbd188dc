using Approvals.Engine.Definitions;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary><c>GET /elsa/api/workflow-definitions/query/count</c>: how many definitions there are.</summary>
internal static class CountDefinitions
{
    public static void Map(RouteGroupBuilder read) => read.MapGet("/query/count", HandleAsync);

    private static async Task<IResult> HandleAsync(WorkflowDefinitionSearch search, CancellationToken cancellationToken) =>
        Results.Ok(new { count = await search.CountAsync(cancellationToken) });
}
