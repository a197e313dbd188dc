using Approvals.Engine.Models;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>Instances, their state and activity executions in the shapes Elsa's API gives them.</summary>
internal static class ElsaInstanceShapes
{
    /// <summary>
    /// The status as Elsa reports it: a faulted instance is Finished/Faulted there. Ours stays Running/Faulted inside (it can
    /// be retried from the faulted activity), so only this API says Finished.
    /// </summary>
    public static string ElsaStatus(WorkflowStatus status, WorkflowSubStatus subStatus) =>
        subStatus == WorkflowSubStatus.Faulted ? nameof(WorkflowStatus.Finished) : status.ToString();

    public static object State(WorkflowState state, IEnumerable<Bookmark> bookmarks, IEnumerable<Incident> incidents,
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

    public static object Execution(ActivityExecutionRecord r, NodeIds nodes) => new
    {
        id = r.Id, workflowInstanceId = r.WorkflowInstanceId, activityId = r.ActivityId, activityNodeId = nodes.Of(r.ActivityId),
        activityType = r.ActivityType, activityTypeVersion = 1,
        activityName = r.ActivityName, status = r.Status.ToString(), startedAt = r.StartedAt, completedAt = r.CompletedAt,
        hasBookmarks = r.HasBookmarks,
        outcomes = r.Outcomes, outputs = r.Outputs, exception = r.Exception,
        aggregateFaultCount = r.Status == ActivityStatus.Faulted ? 1 : 0,
    };

    public static IResult InstanceNotFound(string id) => NotFoundProblem.For($"Workflow instance '{id}' was not found.");
}
