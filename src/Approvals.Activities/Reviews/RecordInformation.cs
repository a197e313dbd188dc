using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Reviews;

/// <summary>
/// Someone records information the process needs: the applicant records the signing or files the trip report,
/// the hosting unit marks a visit done. The recorded fields are added to the request's data under <see cref="DataKey"/>.
/// </summary>
[Activity("Approvals", "Record", "Approvals", DisplayName = "Record information",
    Description = "A task to record facts (signing, trip report, visit done).", Kind = ActivityKind.Task)]
[FlowNode("Recorded")]
public sealed class RecordInformation : HumanTaskActivity
{
    [Input(DisplayName = "Applicant records", Description = "The applicant is the one to record it.", Order = 2)]
    public bool ByApplicant { get; set; } = true;

    [Input(Description = "Roles that record it when not the applicant.", UIHint = UIHints.MultiText, Order = 3)]
    public string[] Roles { get; set; } = [];

    [Input(DisplayName = "Required fields", UIHint = UIHints.MultiText, Order = 4,
        Description = "Fields the record must carry, each name or name:type with type text, date, number or document-number (e.g. " +
            "signingDate:date).")]
    public string[] Fields { get; set; } = [];

    [Input(DisplayName = "Data key", Description = "Where in the request's data the record is kept.", Order = 5)]
    public string DataKey { get; set; } = "record";

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        await StartTimersAsync(context);
        var fields = Fields.Select(RecordedField.Parse).ToList();
        var required = fields.Count == 0 ? null
            : new JsonObject { ["Recorded"] = new JsonArray(fields.Select(f => (JsonNode?)f.Name).ToArray()) };
        await OpenTaskAsync(context, "record", ByApplicant ? request.ApplicantId : null, ByApplicant ? [] : Roles, null, ["Recorded"], [],
            required, fieldTypes: fields);
    }

    protected override ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision)
    {
        var request = RequestContext.From(context);
        var data = (context.WorkflowInput["data"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        data[DataKey] = decision.Payload?.DeepClone() ?? new JsonObject();
        context.WorkflowInput["data"] = data.DeepClone();
        context.AddCommitItem(new RequestUpdated(request.RequestId!) { Data = data, RevisedBy = decision.ActedBy });
        context.AddCommitItem(DecisionAudit(context, decision, "Recorded"));
        context.Complete("Recorded");
        return ValueTask.CompletedTask;
    }
}
