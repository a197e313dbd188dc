using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints.Elsa;

/// <summary>Workflow instances, their journal and activity executions, and <c>Elsa.RunTask</c> completion, as Elsa's API serves them.</summary>
internal static class ElsaInstancesApi
{
    public sealed record ListBody(int? Page, int? PageSize, string? DefinitionId, string[]? DefinitionIds, string? SearchTerm, string? CorrelationId);
    public sealed record JournalBody(int? Page, int? PageSize);
    public sealed record CompleteBody(JsonNode? Result);

    public static void MapElsaInstances(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-instances", ListAsync);
        elsa.MapGet("/workflow-instances/{id}", async (string id, WorkflowDbContextFactory factory, WorkflowRuntime runtime) =>
        {
            await using var db = factory.Create();
            var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
            if (row is null) return Results.Problem(statusCode: 404, title: "Not found.", detail: $"Workflow instance '{id}' was not found.");
            var state = (await runtime.GetStateAsync(id))!;
            var incidents = await db.Incidents.AsNoTracking().Where(i => i.WorkflowInstanceId == id).ToListAsync();
            return Results.Ok(new
            {
                id = row.Id,
                definitionId = row.DefinitionId,
                definitionVersionId = row.DefinitionVersionId,
                version = row.DefinitionVersion,
                workflowState = State(state, state.Bookmarks, incidents),
                status = row.Status.ToString(),
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
        elsa.MapPost("/workflow-instances/{id}/journal", async (string id, JournalBody? body, WorkflowDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            var query = db.Journal.AsNoTracking().Where(j => j.WorkflowInstanceId == id);
            var size = Math.Clamp(body?.PageSize ?? 100, 1, 1000);
            var items = await query.OrderBy(j => j.Sequence).Skip((body?.Page ?? 0) * size).Take(size).ToListAsync();
            return Results.Ok(new
            {
                items = items.Select(j => new
                {
                    id = j.Id, activityInstanceId = j.ActivityExecutionId, activityId = j.ActivityId, activityType = j.ActivityType, activityTypeVersion = 1,
                    activityName = j.ActivityName, nodeId = j.ActivityId, timestamp = j.Timestamp, sequence = j.Sequence, eventName = j.EventName, message = j.Message,
                    payload = j.Payload,
                }),
                totalCount = await query.CountAsync(),
            });
        });
        elsa.MapGet("/workflow-instances/{id}/variables", async (string id, WorkflowRuntime runtime) =>
            await runtime.GetStateAsync(id) is { } state
                ? Results.Ok(new { items = state.Variables.Select(v => new { id = v.Key, name = v.Key, value = v.Value }) })
                : Results.NotFound());
        elsa.MapGet("/activity-executions/list", async (string workflowInstanceId, string? activityNodeId, WorkflowDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            var query = db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == workflowInstanceId);
            if (activityNodeId is not null) query = query.Where(r => r.ActivityId == activityNodeId || activityNodeId.EndsWith(":" + r.ActivityId));
            var rows = await query.OrderBy(r => r.StartedAt).ToListAsync();
            return Results.Ok(new { items = rows.Select(Execution) });
        });
        elsa.MapGet("/activity-execution-summaries/list", async (string workflowInstanceId, string? activityNodeId, WorkflowDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            var query = db.ActivityExecutions.AsNoTracking().Where(r => r.WorkflowInstanceId == workflowInstanceId);
            if (activityNodeId is not null) query = query.Where(r => r.ActivityId == activityNodeId || activityNodeId.EndsWith(":" + r.ActivityId));
            return Results.Ok(new { items = (await query.OrderBy(r => r.StartedAt).ToListAsync()).Select(Execution) });
        });
        elsa.MapGet("/activity-executions/by-id", async (string id, WorkflowDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            return await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is { } r ? Results.Ok(Execution(r)) : Results.NotFound();
        });

        var admin = elsa.MapGroup("/").RequireAuthorization(HostingExtensions.AdminPolicy);
        admin.MapPost("/cancel/workflow-instances/{id}", async (string id, WorkflowRuntime runtime) =>
        {
            var result = await runtime.CancelAsync(id, "cancelled by an administrator");
            return Results.Ok(new { status = result.Status.ToString(), subStatus = result.SubStatus.ToString() });
        });
        // Elsa.RunTask: the task is in the same inbox; completing it here goes through the same authorisation.
        elsa.MapPost("/tasks/{taskId}/complete", async (string taskId, CompleteBody? body, HttpContext http, TaskService tasks) =>
        {
            var payload = body?.Result switch { JsonObject o => o, null => null, var other => new JsonObject { ["value"] = other.DeepClone() } };
            var result = await tasks.DecideAsync(taskId, http.User.UserId(), "Done", null, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), payload);
            return Results.Ok(new { taskId, status = result.Task.Status.ToString() });
        });
    }

    private static async Task<IResult> ListAsync(ListBody? body, WorkflowDbContextFactory factory)
    {
        await using var db = factory.Create();
        var query = db.Instances.AsNoTracking();
        if (body?.DefinitionId is { } definitionId) query = query.Where(i => i.DefinitionId == definitionId);
        if (body?.DefinitionIds is { Length: > 0 } ids) query = query.Where(i => ids.Contains(i.DefinitionId));
        if (body?.CorrelationId is { } correlation) query = query.Where(i => i.CorrelationId == correlation);
        if (!string.IsNullOrWhiteSpace(body?.SearchTerm)) query = query.Where(i => i.Id.Contains(body.SearchTerm) || i.Name!.Contains(body.SearchTerm) || i.CorrelationId!.Contains(body.SearchTerm));
        var size = Math.Clamp(body?.PageSize ?? 50, 1, 500);
        var page = body?.Page ?? 0;
        var rows = await query.OrderByDescending(i => i.CreatedAt).Skip(page * size).Take(size).ToListAsync();
        return Results.Ok(new
        {
            items = rows.Select(i => new
            {
                id = i.Id, definitionId = i.DefinitionId, definitionVersionId = i.DefinitionVersionId, version = i.DefinitionVersion, correlationId = i.CorrelationId, name = i.Name,
                status = i.Status.ToString(), subStatus = i.SubStatus.ToString(), incidentCount = i.IncidentCount, createdAt = i.CreatedAt, updatedAt = i.UpdatedAt, finishedAt = i.FinishedAt,
            }),
            totalCount = await query.CountAsync(),
            page,
            pageSize = size,
        });
    }

    internal static object State(WorkflowState state, IEnumerable<Bookmark> bookmarks, IEnumerable<Incident> incidents) => new
    {
        id = state.Id,
        definitionId = state.DefinitionId,
        definitionVersionId = state.DefinitionVersionId,
        definitionVersion = state.DefinitionVersion,
        correlationId = state.CorrelationId,
        status = state.Status.ToString(),
        subStatus = state.SubStatus.ToString(),
        bookmarks = bookmarks.Select(b => new { id = b.Id, name = b.Name, hash = b.Hash, payload = b.Payload, activityId = b.ActivityId, activityNodeId = b.ActivityId, activityInstanceId = b.ActivityExecutionId, createdAt = b.CreatedAt, resumeAt = b.ResumeAt }),
        incidents = incidents.Select(i => new { activityId = i.ActivityId, activityNodeId = i.ActivityId, activityType = i.ActivityType, message = i.Message, exception = new { type = i.ExceptionType, message = i.Message }, timestamp = i.Timestamp, resolvedAt = i.ResolvedAt }),
        input = state.Input,
        output = state.Output,
        properties = new { },
        createdAt = state.CreatedAt,
        updatedAt = state.UpdatedAt,
        finishedAt = state.FinishedAt,
    };

    private static object Execution(ActivityExecutionRecord r) => new
    {
        id = r.Id, workflowInstanceId = r.WorkflowInstanceId, activityId = r.ActivityId, activityNodeId = r.ActivityId, activityType = r.ActivityType, activityTypeVersion = 1,
        activityName = r.ActivityName, status = r.Status.ToString(), startedAt = r.StartedAt, completedAt = r.CompletedAt, hasBookmarks = r.HasBookmarks,
        outcomes = r.Outcomes, outputs = r.Outputs, exception = r.Exception, aggregateFaultCount = r.Status == ActivityStatus.Faulted ? 1 : 0,
    };
}
