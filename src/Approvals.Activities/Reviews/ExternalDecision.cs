using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Reviews;

/// <summary>
/// An outside authority's answer (provincial FAO, the national friendship association, the Ministry of Foreign
/// Affairs) recorded by FAO liaison staff: approved with its document number and date, or rejected with the reason.
/// </summary>
[Activity("Approvals", "ExternalDecision", "Approvals", DisplayName = "External decision",
    Description = "Record an outside authority's decision.", Kind = ActivityKind.Task)]
[FlowNode("Approved", "Rejected")]
public sealed class ExternalDecision : HumanTaskActivity
{
    [Input(Description = "The outside authority, e.g. 江苏省外办.", Required = true, Order = 2)]
    public string Authority { get; set; } = "";

    [Input(Description = "Roles that record the answer.", UIHint = UIHints.MultiText, Order = 3)]
    public string[] Roles { get; set; } = ["fao-liaison"];

    [Input(DisplayName = "Filing only",
        Description = "A filing for the record: only a filing number comes back (outcome Approved).", Order = 4)]
    public bool FilingOnly { get; set; }

    private static readonly RecordedField[] Recorded = [new("documentNumber", RecordedField.DocumentNumber),
        new("date", RecordedField.Date)];

    [Output] public string? Outcome { get; set; }
    [Output(DisplayName = "Document number")] public string? DocumentNumber { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        await StartTimersAsync(context);
        var outcomes = FilingOnly ? new[] { "Approved" } : ["Approved", "Rejected"];
        await OpenTaskAsync(context, "external-decision", null, Roles, null, outcomes, ["Rejected"],
            new JsonObject { ["Approved"] = new JsonArray("documentNumber", "date") }, Title ?? $"{Authority}", Recorded);
        context.AddCommitItem(Audit(context, "system", "SentToAuthority") with { Data = new JsonObject { ["authority"] = Authority,
            ["stage"] = context.Node.Name ?? context.Node.Id } });
    }

    protected override ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision)
    {
        Outcome = decision.Outcome;
        DocumentNumber = decision.Payload?["documentNumber"]?.GetValue<string>();
        var data = new JsonObject { ["authority"] = Authority, ["outcome"] = decision.Outcome,
            ["payload"] = decision.Payload?.DeepClone() };
        context.AddCommitItem(DecisionAudit(context, decision, "ExternalDecision") with { Data = data });
        // Later stages read the outside authorities' answers as getInput('external').
        var external = context.WorkflowInput["external"] as JsonObject ?? new JsonObject();
        external[context.Node.Name ?? context.Node.Id] = data.DeepClone();
        context.WorkflowInput["external"] = external;
        context.Complete(decision.Outcome);
        return ValueTask.CompletedTask;
    }
}
