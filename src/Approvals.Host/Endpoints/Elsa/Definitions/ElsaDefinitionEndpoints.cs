namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// Workflow definitions as Elsa's API serves them: FAO staff read (list, count, versions, consumers, the name check, export);
/// administrators save, import, publish, retract, delete and run them.
/// </summary>
internal static class ElsaDefinitionEndpoints
{
    public static void MapElsaDefinitions(this RouteGroupBuilder elsa)
    {
        var read = elsa.MapGroup("/workflow-definitions");
        ListDefinitions.Map(read);
        CountDefinitions.Map(read);
        GetDefinition.Map(read);
        ListConsumers.Map(read);
        CheckNameUnique.Map(read);
        ExportDefinition.Map(read);

        var write = elsa.MapGroup("/workflow-definitions").RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        var admin = elsa.MapGroup("/").RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        SaveDefinition.Map(write);
        ImportDefinition.Map(write);
        ImportDefinitionFiles.Map(write);
        PublishDefinition.Map(write);
        ExecuteDefinition.Map(write);
        DeleteDefinition.Map(write, admin);
    }
}
