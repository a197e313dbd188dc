using Approvals.Activities.Access;
using Approvals.Activities.Audit;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Runtime;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>
/// <c>GET /api/requests/{id}</c>: a request with its history, current tasks, files and audit entries, to whoever may see it.
/// </summary>
internal static class GetRequest
{
    public static void Map(RouteGroupBuilder requests) => requests.MapGet("/{id}", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, RequestAccess access, TaskService taskService,
        AttachmentStore store, AuditLog auditLog, WorkflowRuntime runtime)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return RequestEndpoints.NotFound(id);
        var tasks = await taskService.OfRequestAsync(id, http.RequestAborted);
        var attachments = (await store.ListAsync(id, http.RequestAborted)).Select(AttachmentInfo.Of).ToList();
        var audit = (await auditLog.OfRequestAsync(id, http.RequestAborted)).Select(AuditInfo.Of).ToList();
        var state = await runtime.GetStateAsync(request.WorkflowInstanceId, http.RequestAborted);
        return Results.Ok(new RequestDetails(RequestSummary.Of(request), request.Data, request.Revision, request.PolicyChecks,
            request.QuotaStanding, request.WorkflowInstanceId, state is null ? "Unknown" : $"{state.Status}/{state.SubStatus}",
            tasks.Where(t => t.Status is HumanTaskStatus.Completed).Select(StageEntry.Of).ToList(),
            tasks.Where(t => t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed).Select(StageEntry.Of).ToList(),
            attachments, audit));
    }
}
