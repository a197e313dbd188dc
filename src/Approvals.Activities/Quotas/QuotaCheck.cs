using System.Globalization;
using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Quotas;

/// <summary>
/// Checks a travel request against its unit's yearly quota of trips and persons. Over quota is not a refusal:
/// the request goes on marked "over quota", and only an explicit board override lets it through.
/// </summary>
[Activity("Approvals", "QuotaCheck", "Approvals", DisplayName = "Quota check", Description = "Is the trip within the unit's yearly quota?")]
[FlowNode("WithinQuota", "OverQuota")]
public sealed class QuotaCheck : Activity
{
    [Input(Description = "The unit; the applicant's unit when empty.")] public string? UnitId { get; set; }
    [Input(Description = "The quota year; the year of the departure date when empty.")] public int Year { get; set; }
    [Input(Description = "Persons travelling; the delegation's size when empty.")] public int Persons { get; set; }

    [Output] public object? Standing { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        var data = context.WorkflowInput["data"] as JsonObject ?? [];
        var unit = string.IsNullOrWhiteSpace(UnitId) ? request.UnitId ?? throw new InvalidOperationException("No unit to check.") : UnitId;
        var year = Year > 0 ? Year : YearOf(data["departureDate"]) ?? TimeZoneInfo.ConvertTime(context.Now, Calendar.OfficeTime.Zone).Year;
        var persons = Persons > 0 ? Persons : (data["members"] as JsonArray)?.Count ?? 1;

        var standing = await context.GetRequiredService<QuotaLedger>().StandingAsync(unit, year, request.RequestId,
            context.CancellationToken);
        var json = standing.ToJson(1, persons);
        Standing = json;
        var over = !standing.Allows(1, persons);
        if (request.RequestId is { } id)
            context.AddCommitItem(new RequestUpdated(id) { OverQuota = over, QuotaStanding = (JsonObject)json.DeepClone() });
        // Later stages (the board's override rule) read it as getInput('overQuota').
        context.WorkflowInput["overQuota"] = over;
        context.AddCommitItem(new AuditRecord("system", over ? "OverQuota" : "WithinQuota")
        {
            RequestId = request.RequestId,
            WorkflowInstanceId = context.WorkflowInstanceId,
            At = context.Now,
            Data = (JsonObject)json.DeepClone(),
        });
        context.Complete(over ? "OverQuota" : "WithinQuota");
    }

    internal static int? YearOf(JsonNode? date) =>
        date is JsonValue v && v.TryGetValue<string>(out var s) && DateOnly.TryParse(s, CultureInfo.InvariantCulture,
            out var d) ? d.Year : null;
}
