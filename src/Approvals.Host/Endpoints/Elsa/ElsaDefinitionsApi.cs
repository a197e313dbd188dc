using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Approvals.Engine.Serialization;
using Approvals.Host.Endpoints.Elsa.Instances;

namespace Approvals.Host.Endpoints.Elsa;

/// <summary>
/// Workflow definitions as Elsa's API serves them: list, read by id or version options, save/publish, import/export, execute.
/// </summary>
internal static class ElsaDefinitionsApi
{
    public sealed record SaveBody(JsonObject? Model, bool? Publish);
    public sealed record ExecuteBody(JsonObject? Input, string? CorrelationId);
    public sealed record BulkBody(string[]? DefinitionIds);

    public static void MapElsaDefinitions(this RouteGroupBuilder elsa)
    {
        var read = elsa.MapGroup("/workflow-definitions");
        var write = elsa.MapGroup("/workflow-definitions").RequireAuthorization(HostingExtensions.ElsaAdminPolicy);

        read.MapGet("/", ListAsync);
        read.MapGet("/query/count", async (WorkflowDefinitionSearch search, CancellationToken cancellationToken) =>
            Results.Ok(new { count = await search.CountAsync(cancellationToken) }));
        read.MapGet("/by-definition-id/{definitionId}", async (string definitionId, string? versionOptions,
            WorkflowDefinitionStore store, HttpContext http) =>
        {
            var record = await FindAsync(store, definitionId, versionOptions);
            return record is null ? NotFound(definitionId) : Results.Json(Full(record, http), statusCode: 200);
        });
        read.MapGet("/by-id/{id}", async (string id, WorkflowDefinitionStore store, HttpContext http) =>
            await store.FindByVersionIdAsync(id) is { } record ? Results.Json(Full(record, http)) : NotFound(id));
        read.MapGet("/{definitionId}/consumers", async (string definitionId, WorkflowDefinitionStore store,
            CancellationToken cancellationToken) =>
            Results.Ok(new { consumingWorkflowDefinitions = (await store.ListConsumersAsync(definitionId, cancellationToken))
                .Select(d => new { definitionId = d.DefinitionId, name = d.Name }) }));
        read.MapGet("/validation/is-name-unique", async (string name, string? definitionId, WorkflowDefinitionSearch search,
            CancellationToken cancellationToken) =>
            Results.Ok(new { isUnique = !await search.IsNameTakenAsync(name, definitionId, cancellationToken) }));
        read.MapGet("/{definitionId}/export", async (string definitionId, string? versionOptions, WorkflowDefinitionStore store) =>
        {
            var record = await FindAsync(store, definitionId, versionOptions);
            return record is null ? NotFound(definitionId)
                : Results.File(System.Text.Encoding.UTF8.GetBytes(WorkflowDefinitionStore.ToDocument(record).ToJson()),
                    "application/json", $"{definitionId}.json");
        });

        write.MapPost("/", async (SaveBody body, WorkflowDefinitionStore store, Approvals.Activities.Requests.RequestTypeCatalog types,
            HttpContext http) =>
        {
            if (body.Model is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["is required"] });
            if (body.Publish == true && await TakenRequestTypeAsync(body.Model, types) is { } taken) return taken;
            var before = body.Model["definitionId"]?.GetValue<string>() is { } id ? await store.FindAsync(id,
                DefinitionVersionOptions.Published) : null;
            var record = await store.SaveAsync(new WorkflowDefinitionDocument(ToDocumentJson(body.Model)), body.Publish == true);
            return Results.Ok(new { workflowDefinition = Full(record, http), alreadyPublished = body.Publish == true
                && before?.Id == record.Id, consumingWorkflowCount = 0 });
        });
        write.MapPost("/import", async (HttpRequest request, WorkflowDefinitionStore store, HttpContext http) =>
        {
            using var reader = new StreamReader(request.Body);
            var record = await store.ImportAsync(await reader.ReadToEndAsync(), publish: false);
            return Results.Ok(Full(record, http));
        });
        write.MapDelete("/{definitionId}", async (string definitionId, WorkflowDefinitionStore store) =>
            await store.DeleteAsync(definitionId) > 0 ? Results.NoContent() : NotFound(definitionId));
        elsa.MapDelete("/workflow-definition-versions/{id}", async (string id, WorkflowDefinitionStore store) =>
            await store.FindByVersionIdAsync(id) is { } version && await store.DeleteAsync(version.DefinitionId, id) > 0
                ? Results.NoContent() : NotFound(id))
            .RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        elsa.MapPost("/bulk-actions/delete/workflow-definitions/by-definition-id", async (BulkBody body, WorkflowDefinitionStore store) =>
        {
            var deleted = 0;
            foreach (var id in body.DefinitionIds ?? []) deleted += await store.DeleteAsync(id) > 0 ? 1 : 0;
            return Results.Ok(new { deleted });
        }).RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        // The studio's "Import" on the definition list: JSON files, or ZIP files of them, each saved as a draft.
        write.MapPost("/import-files", async (HttpRequest request, WorkflowDefinitionStore store) =>
        {
            if (!request.HasFormContentType)
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["files"] = ["send the files as multipart/form-data"] });
            if (request.ContentLength > DefinitionArchive.MaxUploadBytes)
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
                    detail: $"An import takes at most {DefinitionArchive.MaxUploadBytes / 1024 / 1024} MB of files.");
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            List<(string Name, string Text)> documents;
            try
            {
                documents = await DefinitionArchive.ReadAsync(form.Files, request.HttpContext.RequestAborted);
            }
            catch (DefinitionArchive.TooLargeException tooLarge)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
                    detail: tooLarge.Message);
            }
            catch (InvalidDataException invalid)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [invalid.Message] });
            }
            if (documents.Count == 0) return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["files"] = ["no .json workflow definitions were sent"] });
            // Every file is read before any is saved, so one broken file saves nothing.
            var broken = documents.Select(d => (d.Name, Read: DefinitionReader.Read(d.Text))).Where(d => d.Read.Document is null).ToList();
            if (broken.Count > 0)
                return Results.ValidationProblem(broken.ToDictionary(b => b.Name,
                    b => b.Read.Problems.Select(p => p.Line is { } line ? $"{p.Message} (line {line}, column {p.Column})" : p.Message)
                    .ToArray()),
                    title: "A workflow definition file is not valid.");
            foreach (var (_, text) in documents) await store.ImportAsync(text, publish: false);
            return Results.Ok(new { count = documents.Count });
        }).DisableAntiforgery();
        write.MapPost("/{definitionId}/publish", async (string definitionId, WorkflowDefinitionStore store,
            Approvals.Activities.Requests.RequestTypeCatalog types, HttpContext http) =>
        {
            if (await store.FindAsync(definitionId, DefinitionVersionOptions.Latest) is { } latest
                && await TakenRequestTypeAsync(WorkflowDefinitionStore.ToDocument(latest).Json, types) is { } taken) return taken;
            return Results.Ok(Full(await store.PublishAsync(definitionId), http));
        });
        write.MapPost("/{definitionId}/retract", async (string definitionId, WorkflowDefinitionStore store, HttpContext http) =>
            await store.RetractAsync(definitionId) is { } record ? Results.Ok(Full(record, http)) : NotFound(definitionId));
        write.MapPost("/{definitionId}/execute", async (string definitionId, ExecuteBody? body, WorkflowRuntime runtime,
            Approvals.Activities.Requests.RequestTypeCatalog types) =>
        {
            if (await ServesRequestTypeAsync(definitionId, types) is { } refused) return refused;
            var run = await runtime.StartAsync(definitionId, new StartWorkflowOptions { Input = body?.Input,
                CorrelationId = body?.CorrelationId });
            return Results.Ok(new { workflowState = ElsaInstanceShapes.State((await runtime.GetStateAsync(run.InstanceId))!,
                run.Bookmarks, run.Incidents) });
        });
        write.MapPost("/{definitionId}/dispatch", async (string definitionId, ExecuteBody? body, WorkflowRuntime runtime,
            Approvals.Activities.Requests.RequestTypeCatalog types) =>
        {
            if (await ServesRequestTypeAsync(definitionId, types) is { } refused) return refused;
            var run = await runtime.StartAsync(definitionId, new StartWorkflowOptions { Input = body?.Input,
                CorrelationId = body?.CorrelationId });
            return Results.Ok(new { workflowInstanceId = run.InstanceId });
        });
    }

    /// <summary>
    /// A workflow that serves a request type runs for a filed request only: run bare (the studio's Run button), it would put a
    /// task with no request into real inboxes. Refused with a problem that says how to try it instead.
    /// </summary>
    private static async Task<IResult?> ServesRequestTypeAsync(string definitionId,
        Approvals.Activities.Requests.RequestTypeCatalog types) =>
        (await types.ListAsync()).FirstOrDefault(t => t.DefinitionId == definitionId) is { } type
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This workflow runs for requests only.",
                detail: $"'{definitionId}' serves the request type '{type.Code}' ({type.NameEn}): it starts when a request is filed, and " +
                    "running it without one would give reviewers a task with no request. File a test request instead " +
                    "(POST /api/requests), or run a copy that declares no request type.")
            : null;

    private static async Task<IResult> ListAsync(HttpContext http, WorkflowDefinitionSearch search, string? versionOptions, int? page,
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

    /// <summary>A 400 naming the field when the definition declares a request type another published workflow already serves.</summary>
    private static async Task<IResult?> TakenRequestTypeAsync(JsonObject document, Approvals.Activities.Requests.RequestTypeCatalog types)
    {
        if (Approvals.Activities.Requests.RequestTypeCatalog.DeclaredCode(document) is not { } code) return null;
        var owner = await types.OwnerOtherThanAsync(code, document["definitionId"]?.GetValue<string>() ?? "");
        return owner is null ? null : Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["customProperties.requestType.code"] = [$"Request type '{code}' is already served by the published workflow '{owner}'; give " +
                "this workflow its own code."],
        }, title: "The workflow definition is not valid.");
    }

    private static Task<WorkflowDefinitionRecord?> FindAsync(WorkflowDefinitionStore store, string definitionId, string? versionOptions)
    {
        if (versionOptions is not null && versionOptions.StartsWith("Version:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(versionOptions[8..], out var v))
            return store.FindVersionAsync(definitionId, v);
        var options = Enum.TryParse<DefinitionVersionOptions>(versionOptions, true, out var o) ? o : DefinitionVersionOptions.Latest;
        return store.FindAsync(definitionId, options);
    }

    /// <summary>The studio posts the whole definition (root, variables, designer metadata); keep it as the document.</summary>
    private static JsonObject ToDocumentJson(JsonObject model)
    {
        var json = (JsonObject)model.DeepClone();
        json.Remove("links");
        return json;
    }

    private static object Summary(WorkflowDefinitionRecord d) => new
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

    internal static JsonObject Full(WorkflowDefinitionRecord record, HttpContext http)
    {
        var json = WorkflowDefinitionStore.ToDocument(record).Json;
        json["materializerName"] = "Json";
        json["isReadonly"] = false;
        json["links"] = Links(http, $"workflow-definitions/{record.DefinitionId}", record);
        return json;
    }

    private static JsonArray Links(HttpContext http, string path, WorkflowDefinitionRecord? record)
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

    private static IResult NotFound(string id) => Results.Problem(statusCode: 404, title: "Not found.",
        detail: $"Workflow definition '{id}' was not found.");
}
