using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using static Approvals.Host.Endpoints.Elsa.Descriptors.ActivityDescriptorShapes;

namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary>
/// <c>GET /elsa/api/descriptors/activities</c>: the palette — every registered activity, and the published workflows usable as
/// activities under "Workflows", as in Elsa.
/// </summary>
internal static class ListActivityDescriptors
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/descriptors/activities", HandleAsync);

    private static async Task<IResult> HandleAsync(ActivityRegistry registry, WorkflowDefinitionStore store,
        CancellationToken cancellationToken)
    {
        var items = registry.All.OrderBy(d => d.Category).ThenBy(d => d.DisplayName).Select(Describe).ToList();
        // Published workflows usable as activities join the palette under "Workflows", as in Elsa.
        foreach (var record in await store.ListPublishedAsync(cancellationToken))
        {
            var document = WorkflowDefinitionStore.ToDocument(record);
            if (document.UsableAsActivity) items.Add(DescribeWorkflow(record, document));
        }
        return Results.Ok(new { items, count = items.Count });
    }
}
