using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Quotas;

/// <summary>An approved trip consumes its unit's quota; a cancelled or withdrawn one releases it.</summary>
[Activity("Approvals", "RecordQuotaUse", "Approvals", DisplayName = "Record quota use",
    Description = "Consume or release the trip's quota.")]
public sealed class RecordQuotaUse : Activity
{
    [Input(Description = "Consume or Release.", Options = ["Consume", "Release"])] public string Action { get; set; } = "Consume";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        var id = request.RequestId ?? throw new InvalidOperationException("The workflow input names no request.");
        var data = context.WorkflowInput["data"] as JsonObject ?? [];
        if (string.Equals(Action, "Release", StringComparison.OrdinalIgnoreCase))
            context.AddCommitItem(new QuotaReleased(id, context.Now));
        else
        {
            var year = QuotaCheck.YearOf(data["departureDate"]) ?? TimeZoneInfo.ConvertTime(context.Now, Calendar.OfficeTime.Zone).Year;
            var persons = (data["members"] as JsonArray)?.Count ?? 1;
            context.AddCommitItem(new QuotaConsumed(id, request.UnitId!, year, 1, persons, context.Now));
        }
        context.AddCommitItem(new AuditRecord("system", $"Quota{Action}") { RequestId = id, WorkflowInstanceId = context.WorkflowInstanceId,
            At = context.Now });
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
