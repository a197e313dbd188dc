using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Reviews;

/// <summary>
/// After a return, the applicant revises and resubmits, or withdraws. The revised form data replaces the
/// request's data (validated against its type's form before it gets here); the old data is kept as a revision.
/// </summary>
[Activity("Approvals", "Revise", "Approvals", DisplayName = "Revise",
    Description = "The applicant revises after a return: resubmit or withdraw.", Kind = ActivityKind.Task)]
[FlowNode("Resubmitted", "Withdrawn")]
public sealed class Revise : HumanTaskActivity
{
    [Output] public string? Outcome { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        var applicant = request.ApplicantId ?? throw new InvalidOperationException("The workflow input names no applicant.");
        await StartTimersAsync(context);
        // The applicant's mail for this task is the return notice itself (with the reviewer's comment), not a bare "task assigned".
        await OpenTaskAsync(context, "revise", applicant, [], null, ["Resubmitted", "Withdrawn"], [], assignedTemplate: "returned");
        context.AddCommitItem(new RequestUpdated(request.RequestId!) { State = RequestState.Returned, Status = "已退回修改",
            StatusEn = "Returned for revision" });
    }

    protected override async ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision)
    {
        var request = RequestContext.From(context);
        Outcome = decision.Outcome;
        if (decision.Outcome == "Resubmitted")
        {
            var data = decision.Payload?["data"] as JsonObject
                ?? throw new InvalidOperationException("A resubmission carries no form data.");
            context.WorkflowInput["data"] = data.DeepClone();
            // The title follows the revised data (a new foreign city or delegation name shows everywhere at once).
            var type = request.Type is null ? null : await context.GetRequiredService<RequestTypeCatalog>().FindAsync(request.Type,
                context.CancellationToken);
            context.AddCommitItem(new RequestUpdated(request.RequestId!)
            {
                Data = (JsonObject)data.DeepClone(),
                Title = type is null ? null : RequestService.TitleOf(type, data, request.Number ?? ""),
                RevisedBy = decision.ActedBy,
                State = RequestState.InProgress,
                Status = "已重新提交",
                StatusEn = "Resubmitted",
            });
            context.AddCommitItem(DecisionAudit(context, decision, "Resubmitted") with { StatusAfter = "Resubmitted" });
        }
        else
        {
            context.AddCommitItem(new RequestUpdated(request.RequestId!) { State = RequestState.Withdrawn, Status = "已撤回",
                StatusEn = "Withdrawn" });
            context.AddCommitItem(DecisionAudit(context, decision, "Withdrawn") with { StatusAfter = "Withdrawn" });
        }
        context.Complete(decision.Outcome);
    }
}
