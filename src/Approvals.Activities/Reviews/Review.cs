using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Reviews;

/// <summary>One decision by a user or by whoever of a role takes it: Approved, Rejected or Returned.</summary>
[Activity("Approvals", "Review", "Approvals", DisplayName = "Review",
    Description = "A decision by a user or a role: approve, reject or return for revision.", Kind = ActivityKind.Task)]
[FlowNode("Approved", "Rejected", "Returned")]
public sealed class Review : HumanTaskActivity
{
    [Input(DisplayName = "Assignee", Description = "A user id; leave empty to offer the task to the roles.", Order = 2)]
    public string? Assignee { get; set; }

    [Input(Description = "Roles whose members may take the task.", UIHint = UIHints.MultiText, Order = 3)]
    public string[] Roles { get; set; } = [];

    [Input(DisplayName = "Applicant's unit only", Description = "Only role members of the applicant's own unit (a unit head).", Order = 4)]
    public bool ApplicantUnitOnly { get; set; }

    [Input(DisplayName = "Outcomes offered", Description = "Which of Approved, Rejected, Returned the reviewer may choose.",
        UIHint = UIHints.CheckList,
        Options = ["Approved", "Rejected", "Returned"], Order = 5)]
    public string[] AllowedOutcomes { get; set; } = ["Approved", "Rejected", "Returned"];

    [Input(DisplayName = "Comment required for", UIHint = UIHints.CheckList, Options = ["Approved", "Rejected", "Returned"], Order = 6)]
    public string[] CommentRequiredFor { get; set; } = ["Rejected", "Returned"];

    [Output(Description = "The outcome chosen.")] public string? Outcome { get; set; }
    [Output(Description = "The reviewer's comment.")] public string? Comment { get; set; }
    [Output(Description = "Who decided.")] public string? DecidedBy { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        if (string.IsNullOrWhiteSpace(Assignee) && Roles.Length == 0)
            throw new InvalidOperationException($"Review '{context.Node.DisplayName}' names neither an assignee nor a role.");
        await StartTimersAsync(context);
        await OpenTaskAsync(context, "review", string.IsNullOrWhiteSpace(Assignee) ? null : Assignee, Roles,
            ApplicantUnitOnly ? request.UnitId : null, AllowedOutcomes, CommentRequiredFor);
        context.AddCommitItem(Audit(context, "system", "StageStarted"));
    }

    protected override async ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision)
    {
        Outcome = decision.Outcome;
        Comment = decision.Comment;
        DecidedBy = decision.ActedBy;
        context.AddCommitItem(DecisionAudit(context, decision));
        // Progress is told here; a return is told by the revise step it leads to (a return to an earlier stage is not the
        // applicant's to act on), and a rejection by the flow's closing notice, once, with this comment as the reason.
        if (decision.Outcome == "Approved")
            await Notifications.Notifications.SendAsync(context, "stage-cleared", ["applicant"],
                new JsonObject { ["outcome"] = decision.Outcome, ["comment"] = decision.Comment, ["title"] = Title }, decision.TaskId);
        context.Complete(decision.Outcome);
    }
}
