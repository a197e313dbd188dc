using Approvals.Engine.Definitions;
using static Approvals.Host.Endpoints.Elsa.Definitions.ElsaDefinitionShapes;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>GET /elsa/api/workflow-definitions</c>: a page of definition versions by Elsa's version options, search term and ids, in the
/// order asked (the studio's version history asks for versions, descending; its list for names).
/// </summary>
internal static class ListDefinitions
{
    public static void Map(RouteGroupBuilder read) => read.MapGet("/", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, WorkflowDefinitionSearch search, string? versionOptions, int? page,
        int? pageSize, string? searchTerm, string[]? definitionIds, string? orderBy, string? orderDirection,
        CancellationToken cancellationToken)
    {
        var ids = definitionIds ?? http.Request.Query["DefinitionIds"].Where(v => v is not null).Select(v => v!).ToArray();
        var descending = string.Equals(orderDirection, "Descending", StringComparison.OrdinalIgnoreCase);
        var filter = new WorkflowDefinitionFilter(versionOptions ?? "Latest", searchTerm, ids, orderBy, descending);
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var found = await search.ListAsync(filter, Math.Max(0, page ?? 0), size, cancellationToken);
        return Results.Ok(new { items = found.Items.Select(Summary), totalCount = found.TotalCount,
            links = Links(http, "workflow-definitions", null) });
    }
}
