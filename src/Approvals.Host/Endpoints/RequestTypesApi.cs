using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints;

/// <summary>The request types of the published workflows, each with its form schema.</summary>
internal static class RequestTypesApi
{
    public static void MapRequestTypesApi(this RouteGroupBuilder api) =>
        api.MapGet("/request-types", async (RequestTypeCatalog catalog, CancellationToken cancellationToken) =>
            Results.Ok(await catalog.ListAsync(cancellationToken)))
            .WithTags("Request types");
}
