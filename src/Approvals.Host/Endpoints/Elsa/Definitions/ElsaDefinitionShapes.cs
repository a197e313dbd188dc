using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// Definitions in the shapes Elsa's API gives them (a summary in lists, the whole document with its links), and their look-up.
/// </summary>
internal static class ElsaDefinitionShapes
{
    public static object Summary(WorkflowDefinitionRecord d) => new
    {
        id = d.Id,
        definitionId = d.DefinitionId,
        name = d.Name,
        description = d.Description,
        version = d.Version,
        toolVersion = "3.8.2",
        isLatest = d.IsLatest,
        isPublished = d.IsPublished,
        isReadonly = false,
        isSystem = false,
        materializerName = "Json",
        createdAt = d.CreatedAt,
    };

    public static JsonObject Full(WorkflowDefinitionRecord record, HttpContext http)
    {
        var json = WorkflowDefinitionStore.ToDocument(record).Json;
        json["materializerName"] = "Json";
        json["isReadonly"] = false;
        json["links"] = Links(http, $"workflow-definitions/{record.DefinitionId}", record);
        return json;
    }

    /// <summary>What the caller may do with a definition (or with the list): an administrator's actions only.</summary>
    public static JsonArray Links(HttpContext http, string path, WorkflowDefinitionRecord? record)
    {
        var basePath = $"{http.Request.PathBase}/elsa/api";
        var links = new JsonArray();
        void Add(string rel, string href, string method) =>
            links.Add(new JsonObject { ["href"] = $"{basePath}/{href}", ["rel"] = rel, ["method"] = method });
        if (!http.User.IsInRole(Identity.Roles.Admin)) return links;
        if (record is null)
        {
            foreach (var rel in new[] { "bulk-publish", "bulk-retract", "bulk-delete", "import", "create" })
                Add(rel, "workflow-definitions", "POST");
            return links;
        }
        Add("publish", $"{path}/publish", "POST");
        Add("retract", $"{path}/retract", "POST");
        Add("execute", $"{path}/execute", "POST");
        Add("dispatch", $"{path}/dispatch", "POST");
        Add("export", $"{path}/export", "GET");
        return links;
    }

    /// <summary>A version by Elsa's version options (Latest, Published, …, or <c>Version:3</c>).</summary>
    public static Task<WorkflowDefinitionRecord?> FindAsync(WorkflowDefinitionStore store, string definitionId, string? versionOptions)
    {
        if (versionOptions is not null && versionOptions.StartsWith("Version:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(versionOptions[8..], out var v))
            return store.FindVersionAsync(definitionId, v);
        var options = Enum.TryParse<DefinitionVersionOptions>(versionOptions, true, out var o) ? o : DefinitionVersionOptions.Latest;
        return store.FindAsync(definitionId, options);
    }

    public static IResult NotFound(string id) => NotFoundProblem.For($"Workflow definition '{id}' was not found.");
}
