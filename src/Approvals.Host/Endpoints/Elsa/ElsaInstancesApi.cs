using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Approvals.Host.Administration;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints.Elsa;

/// <summary>
/// Workflow instances, their journal and activity executions, and <c>Elsa.RunTask</c> completion, as Elsa's API serves them.
/// </summary>
internal static class ElsaInstancesApi
{
    public sealed record ListBody(int? Page, int? PageSize, string? DefinitionId, string[]? DefinitionIds,
        string? SearchTerm, string? CorrelationId);
    public sealed record JournalBody(int? Page, int? PageSize);
    public sealed record ReportBody(string? WorkflowInstanceId, string[]? ActivityIds, string[]? ActivityNodeIds);
    public sealed record CompleteBody(JsonNode? Result);

    public static void MapElsaInstances(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-instances", ListAsync);
        elsa.MapGet("/workflow-instances/{id}", async (string id, WorkflowDbContextFactory factory, WorkflowRuntime runtime,
            WorkflowDefinitionStore definitions) =>
        {
            await using var db = factory.Create();
            var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
            if (row is null) return Results.Problem(statusCode: 404, title: "Not found.",
                detail: $"Workflow instance '{id}' was not found.");
            var state = (await runtime.GetStateAsync(id))!;
            var incidents = await db.Incidents.AsNoTracking().Where(i => i.WorkflowInstanceId == id).ToListAsync();
            return Results.Ok(new
            {
                id = row.Id,
                definitionId = row.DefinitionId,
                definitionVersionId = row.DefinitionVersionId,
                version = row.DefinitionVersion,
                workflowState = State(state, state.Bookmarks, incidents, await NodeIdsAsync(db, definitions, id)),
                status = ElsaStatus(row.Status, row.SubStatus),
                subStatus = row.SubStatus.ToString(),
                correlationId = row.CorrelationId,
                name = row.Name,
                incidentCount = row.IncidentCount,
                isSystem = false,
                createdAt = row.CreatedAt,
                updatedAt = row.UpdatedAt,
                finishedAt = row.FinishedAt,
            });
        });
        elsa.MapPost("/workflow-instances/{id}/journal", async (string id, JournalBody? body, int? skip, int? take,
            WorkflowDbContextFactory factory, WorkflowDefinitionStore definitions) =>
        {
            await using var db = factory.Create();
            var nodes = await NodeIdsAsync(db, definitions, id);
            var query = db.Journal.AsNoTracking().Where(j => j.WorkflowInstanceId == id);
            // The studio pages with ?skip&take; older clients send a page in the body.
            var size = Math.Clamp(take ?? body?.PageSize ?? 100, 1, 1000);
            var offset = skip ?? (body?.Page ?? 0) * size;
            var items = await query.OrderBy(j => j.Sequence).Skip(offset).Take(size).ToListAsync();
            return Results.Ok(new
            {
                items = items.Select(j => new
                {
                    // Workflow-level events belong to the root flowchart, so every record names a node.
                    id = j.Id, activityInstanceId = j.ActivityExecutionId ?? id, activityId = j.ActivityId ?? nodes.RootId,
                    activityType = j.ActivityType ?? "Elsa.Flowchart",
                    activityTypeVersion = 1, activityName = j.ActivityName, nodeId = nodes.Of(j.ActivityId),
                    activityNodeId = nodes.Of(j.ActivityId), timestamp = j.Timestamp,
                    sequence = j.Sequence, eventName = j.EventName, message = j.Message, source = (string?)null, payload = j.Payload,
                }),
                totalCount = await query.CountAsync(),
            });
        });
        elsa.MapGet("/workflow-instances/{id}/execution-state", async (string id, WorkflowDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            return await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id) is { } row
                ? Results.Ok(new { status = ElsaStatus(row.Status, row.SubStatus), subStatus = row.SubStatus.ToString(),
                    workflowSubStatus = row.SubStatus.ToString(), updatedAt = row.UpdatedAt })
                : Results.Problem(statusCode: 404, title: "Not found.", detail: $"Workflow instance '{id}' was not found.");
        });
        elsa.MapPost("/activity-executions/report", async (ReportBody body, WorkflowDbContextFactory factory,
            WorkflowDefinitionStore definitions) =>
        {
            if (string.IsNullOrWhiteSpace(body.WorkflowInstanceId))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["workflowInstanceId"] = ["is required"] });
            await using var db = factory.Create();
            var nodes = await NodeIdsAsync(db, definitions, body.WorkflowInstanceId);
            var records = await db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == body.WorkflowInstanceId)
                .ToListAsync();
            var asked = (body.ActivityIds ?? []).Concat(body.ActivityNodeIds ?? []).Distinct();
            return Results.Ok(new
            {
                stats = asked.Select(a =>
                {
                    var mine = records.Where(r => r.ActivityId == a || nodes.Of(r.ActivityId) == a).ToList();
                    return new
                    {
                        // The designer finds a node's wrapper element by the plain activity id.
                        activityId = nodes.ByActivity.FirstOrDefault(n => n.Value == a).Key ?? a, activityNodeId = a,
                        startedCount = mine.Count, completedCount = mine.Count(r => r.CompletedAt is not null),
                        uncompletedCount = mine.Count(r => r.CompletedAt is null),
                        isBlocked = mine.Any(r => r.CompletedAt is null && r.HasBookmarks),
                        isFaulted = mine.Any(r => r.Status == ActivityStatus.Faulted),
                    };
                }).ToList(),
            });
        });
        elsa.MapGet("/workflow-instances/{id}/variables", async (string id, WorkflowRuntime runtime) =>
            await runtime.GetStateAsync(id) is { } state
                ? Results.Ok(new { items = state.Variables.Select(v => new { id = v.Key, name = v.Key, value = v.Value }) })
                : Results.NotFound());
        // The summaries carry the same fields here, so one handler serves both lists.
        elsa.MapGet("/activity-executions/list", ListExecutionsAsync);
        elsa.MapGet("/activity-execution-summaries/list", ListExecutionsAsync);
        elsa.MapGet("/activity-executions/by-id", async (string id, WorkflowDbContextFactory factory,
            WorkflowDefinitionStore definitions) =>
        {
            await using var db = factory.Create();
            if (await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is not { } record)
                return Results.NotFound();
            return Results.Ok(Execution(record, await NodeIdsAsync(db, definitions, record.WorkflowInstanceId)));
        });

        var admin = elsa.MapGroup("/").RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        // Retry a faulted instance from its faulted activities (the incidents are resolved when it goes on).
        admin.MapPost("/workflow-instances/{id}/retry", async (string id, Incidents incidents) => await incidents.RetryAsync(id) switch
        {
            { } result => Results.Ok(new { status = ElsaStatus(result.Status, result.SubStatus), subStatus = result.SubStatus.ToString() }),
            null => Results.Problem(statusCode: 409, title: "Conflict.", detail: $"Workflow instance '{id}' is not faulted."),
        });
        admin.MapPost("/cancel/workflow-instances/{id}", async (string id, WorkflowRuntime runtime) =>
        {
            var result = await runtime.CancelAsync(id, "cancelled by an administrator");
            return Results.Ok(new { status = ElsaStatus(result.Status, result.SubStatus), subStatus = result.SubStatus.ToString() });
        });
        // Elsa.RunTask: the task is in the same inbox; completing it here goes through the same authorisation.
        elsa.MapPost("/tasks/{taskId}/complete", async (string taskId, CompleteBody? body, HttpContext http, TaskService tasks) =>
        {
            var payload = body?.Result switch { JsonObject o => o, null => null,
                var other => new JsonObject { ["value"] = other.DeepClone() } };
            var result = await tasks.DecideAsync(taskId, http.User.UserId(), "Done", null,
                http.Request.Headers["Idempotency-Key"].FirstOrDefault(), payload);
            return Results.Ok(new { taskId, status = result.Task.Status.ToString() });
        });
    }

    private static async Task<IResult> ListExecutionsAsync(string workflowInstanceId, string? activityNodeId,
        WorkflowDbContextFactory factory, WorkflowDefinitionStore definitions)
    {
        await using var db = factory.Create();
        var query = db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == workflowInstanceId);
        if (activityNodeId is not null) query =
            query.Where(r => r.ActivityId == activityNodeId || activityNodeId.EndsWith(":" + r.ActivityId));
        var rows = await query.OrderBy(r => r.StartedAt).ToListAsync();
        var nodes = await NodeIdsAsync(db, definitions, workflowInstanceId);
        return Results.Ok(new { items = rows.Select(r => Execution(r, nodes)) });
    }

    private static async Task<IResult> ListAsync(ListBody? body, WorkflowDbContextFactory factory)
    {
        await using var db = factory.Create();
        var query = db.Instances.AsNoTracking();
        if (body?.DefinitionId is { } definitionId) query = query.Where(i => i.DefinitionId == definitionId);
        if (body?.DefinitionIds is { Length: > 0 } ids) query = query.Where(i => ids.Contains(i.DefinitionId));
        if (body?.CorrelationId is { } correlation) query = query.Where(i => i.CorrelationId == correlation);
        if (!string.IsNullOrWhiteSpace(body?.SearchTerm)) query =
            query.Where(i => i.Id.Contains(body.SearchTerm) || i.Name!.Contains(body.SearchTerm)
                || i.CorrelationId!.Contains(body.SearchTerm));
        var size = Math.Clamp(body?.PageSize ?? 50, 1, 500);
        var page = body?.Page ?? 0;
        var rows = await query.OrderByDescending(i => i.CreatedAt).Skip(page * size).Take(size).ToListAsync();
        return Results.Ok(new
        {
            items = rows.Select(i => new
            {
                id = i.Id, definitionId = i.DefinitionId, definitionVersionId = i.DefinitionVersionId, version = i.DefinitionVersion,
                correlationId = i.CorrelationId, name = i.Name,
                status = ElsaStatus(i.Status, i.SubStatus), subStatus = i.SubStatus.ToString(), incidentCount = i.IncidentCount,
                createdAt = i.CreatedAt, updatedAt = i.UpdatedAt, finishedAt = i.FinishedAt,
            }),
            totalCount = await query.CountAsync(),
            page,
            pageSize = size,
        });
    }

    /// <summary>
    /// The status as Elsa reports it: a faulted instance is Finished/Faulted there. Ours stays Running/Faulted inside (it can
    /// be retried from the faulted activity), so only this API says Finished.
    /// </summary>
    internal static string ElsaStatus(WorkflowStatus status, WorkflowSubStatus subStatus) =>
        subStatus == WorkflowSubStatus.Faulted ? nameof(WorkflowStatus.Finished) : status.ToString();

    internal static object State(WorkflowState state, IEnumerable<Bookmark> bookmarks, IEnumerable<Incident> incidents,
        NodeIds? nodes = null) => new
    {
        id = state.Id,
        definitionId = state.DefinitionId,
        definitionVersionId = state.DefinitionVersionId,
        definitionVersion = state.DefinitionVersion,
        correlationId = state.CorrelationId,
        status = ElsaStatus(state.Status, state.SubStatus),
        subStatus = state.SubStatus.ToString(),
        bookmarks = bookmarks.Select(b => new { id = b.Id, name = b.Name, hash = b.Hash, payload = b.Payload, activityId = b.ActivityId,
            activityNodeId = nodes?.Of(b.ActivityId) ?? b.ActivityId, activityInstanceId = b.ActivityExecutionId, createdAt = b.CreatedAt,
            resumeAt = b.ResumeAt }),
        incidents = incidents.Select(i => new { activityId = i.ActivityId, activityNodeId = nodes?.Of(i.ActivityId) ?? i.ActivityId,
            activityType = i.ActivityType, message = i.Message, exception = new { type = i.ExceptionType, message = i.Message },
            timestamp = i.Timestamp, resolvedAt = i.ResolvedAt }),
        input = state.Input,
        output = state.Output,
        properties = new { },
        createdAt = state.CreatedAt,
        updatedAt = state.UpdatedAt,
        finishedAt = state.FinishedAt,
    };

    /// <summary>
    /// Elsa names activities in a running workflow by node id (<c>Workflow1:Flowchart1:division</c>); the studio matches on it.
    /// </summary>
    internal sealed record NodeIds(string RootId, string RootNodeId, IReadOnlyDictionary<string, string> ByActivity)
    {
        public string Of(string? activityId) => activityId is null || activityId == RootId ? RootNodeId
            : ByActivity.GetValueOrDefault(activityId, $"{RootNodeId}:{activityId}");
    }

    private static async Task<NodeIds> NodeIdsAsync(WorkflowDbContext db, WorkflowDefinitionStore definitions, string instanceId)
    {
        var versionId = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => i.DefinitionVersionId).FirstOrDefaultAsync();
        var root = versionId is null ? null : await definitions.FindByVersionIdAsync(versionId) is { } version
            ? WorkflowDefinitionStore.ToDocument(version).Json["root"] : null;
        var rootId = root?["id"]?.GetValue<string>() ?? "Flowchart1";
        var rootNodeId = root?["nodeId"]?.GetValue<string>() ?? $"Workflow1:{rootId}";
        var byActivity = new Dictionary<string, string>();
        foreach (var activity in root?["activities"]?.AsArray().OfType<JsonObject>() ?? [])
            if (activity["id"]?.GetValue<string>() is { } activityId)
                byActivity[activityId] = activity["nodeId"]?.GetValue<string>() ?? $"{rootNodeId}:{activityId}";
        return new NodeIds(rootId, rootNodeId, byActivity);
    }

    private static object Execution(ActivityExecutionRecord r, NodeIds nodes) => new
    {
        id = r.Id, workflowInstanceId = r.WorkflowInstanceId, activityId = r.ActivityId, activityNodeId = nodes.Of(r.ActivityId),
        activityType = r.ActivityType, activityTypeVersion = 1,
        activityName = r.ActivityName, status = r.Status.ToString(), startedAt = r.StartedAt, completedAt = r.CompletedAt,
        hasBookmarks = r.HasBookmarks,
        outcomes = r.Outcomes, outputs = r.Outputs, exception = r.Exception,
        aggregateFaultCount = r.Status == ActivityStatus.Faulted ? 1 : 0,
    };
}
