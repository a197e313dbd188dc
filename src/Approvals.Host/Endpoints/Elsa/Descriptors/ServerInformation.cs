namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary>
/// What the studio asks of the server before it draws anything: the package version, installed features, storage drivers and
/// the strategy lists (empty here: this engine has one of each).
/// </summary>
internal static class ServerInformation
{
    public static void Map(RouteGroupBuilder elsa)
    {
        elsa.MapGet("/package/version", () => Results.Ok(new { packageVersion = "3.8.2" }));
        elsa.MapGet("/features/installed", () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
        elsa.MapGet("/features/installed/{name}", (string name) => Results.NotFound());
        elsa.MapGet("/descriptors/storage-drivers", () => Results.Ok(new
        {
            items = new[] { new { typeName = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
                displayName = "Workflow instance", priority = 0, deprecated = false } },
        }));
        string[] empty = ["/descriptors/workflow-activation-strategies", "/descriptors/incident-strategies",
            "/descriptors/log-persistence-strategies", "/descriptors/commit-strategies/workflows",
            "/descriptors/commit-strategies/activities", "/descriptors/output-converters", "/resilience/strategies"];
        foreach (var path in empty)
            elsa.MapGet(path, () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
    }
}
