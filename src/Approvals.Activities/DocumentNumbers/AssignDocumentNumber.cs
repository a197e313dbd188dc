using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.DocumentNumbers;

/// <summary>
/// Gives the approval document its number, e.g. <c>苏外出〔2026〕17号</c>: one gapless sequence per prefix and year,
/// taken in the same transaction as the approval, so a number is never reused and never skipped.
/// </summary>
[Activity("Approvals", "AssignDocumentNumber", "Approvals", DisplayName = "Assign document number",
    Description = "Number the approval document (文号).")]
public sealed class AssignDocumentNumber : Activity
{
    [Input(Description = "The prefix of the sequence.", Required = true)] public string Prefix { get; set; } = "苏外出";
    [Input(Description = "The year; the current year in Beijing when empty.")] public int Year { get; set; }
    [Input(Description = "How the number is written.")] public string Format { get; set; } = "{prefix}〔{year}〕{number}号";

    [Output(DisplayName = "Document number")] public string? DocumentNumber { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = RequestContext.From(context);
        var year = Year > 0 ? Year : TimeZoneInfo.ConvertTime(context.Now, Calendar.OfficeTime.Zone).Year;
        var sequences = context.GetRequiredService<NumberSequences>();
        if (!context.WorkflowContext.Result.CommitItems.OfType<NumberReserved>().Any(r => r.Key == Prefix && r.Year == year))
            context.WorkflowContext.Result.Holds.Add(await sequences.HoldAsync(Prefix, year, context.CancellationToken));
        var next = await sequences.PeekAsync(Prefix, year, context.CancellationToken);
        // Numbers this burst already took from the same sequence come first.
        next += context.WorkflowContext.Result.CommitItems.OfType<NumberReserved>().Count(r => r.Key == Prefix && r.Year == year);
        var text = NumberSequences.FormatDocumentNumber(Format, Prefix, year, next);
        DocumentNumber = text;
        context.AddCommitItem(new NumberReserved(Prefix, year, next, request.RequestId, text));
        if (request.RequestId is { } id)
        {
            context.AddCommitItem(new RequestUpdated(id) { DocumentNumber = text });
            context.AddCommitItem(new AuditRecord("system", "DocumentNumberAssigned")
            {
                RequestId = id,
                WorkflowInstanceId = context.WorkflowInstanceId,
                At = context.Now,
                Data = new JsonObject { ["documentNumber"] = text },
            });
        }
        context.WorkflowInput["documentNumber"] = text;
        context.Complete();
    }
}
