using Approvals.Activities.Audit;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Status;

/// <summary>Sets the status text the applicant sees and, optionally, where the request stands (approved, rejected, closed…).</summary>
[Activity("Approvals", "SetStatus", "Approvals", DisplayName = "Set status", Description = "The status the applicant sees.")]
public sealed class SetStatus : Activity
{
    [Input(DisplayName = "Status (中文)", Required = true)] public string Status { get; set; } = "";
    [Input(DisplayName = "Status (English)")] public string? StatusEn { get; set; }
    [Input(DisplayName = "Request state", Description = "Leave empty to keep it.", Options = ["", "InProgress", "Returned", "Approved",
        "Rejected", "Withdrawn", "Closed"])]
    public string? State { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        if (request.RequestId is { } id)
        {
            RequestState? state = string.IsNullOrWhiteSpace(State) ? null : Enum.Parse<RequestState>(State, ignoreCase: true);
            var before = context.WorkflowInput["status"]?.GetValue<string>();
            context.AddCommitItem(new RequestUpdated(id) { Status = Status, StatusEn = StatusEn ?? Status, State = state });
            context.AddCommitItem(new AuditRecord("system", "StatusChanged")
            {
                RequestId = id,
                WorkflowInstanceId = context.WorkflowInstanceId,
                StatusBefore = before,
                StatusAfter = Status,
                At = context.Now,
            });
            context.WorkflowInput["status"] = Status;
        }
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
