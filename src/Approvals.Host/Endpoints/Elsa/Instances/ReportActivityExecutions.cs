using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;
using Approvals.Engine.Models;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// <c>POST /elsa/api/activity-executions/report</c>: for each activity the designer asks about, how often it started, completed,
/// is blocked or faulted in an instance (the badges on the instance viewer's nodes).
/// </summary>
internal static class ReportActivityExecutions
{
    public sealed record ReportBody(string? WorkflowInstanceId, string[]? ActivityIds, string[]? ActivityNodeIds);

    public static void Map(RouteGroupBuilder elsa) => elsa.MapPost("/activity-executions/report", HandleAsync);

    private static async Task<IResult> HandleAsync(ReportBody body, WorkflowInstanceStore instances, ActivityExecutionStore executions,
        WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.WorkflowInstanceId))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["workflowInstanceId"] = ["is required"] });
        var nodes = await NodeIds.OfInstanceAsync(instances, definitions, body.WorkflowInstanceId, cancellationToken);
        var records = await executions.ListAsync(body.WorkflowInstanceId, cancellationToken: cancellationToken);
        var asked = (body.ActivityIds ?? []).Concat(body.ActivityNodeIds ?? []).Distinct();
        return Results.Ok(new
        {
            stats = asked.Select(a =>
            {
                var mine = records.Where(r => r.ActivityId == a || nodes.Of(r.ActivityId) == a).ToList();
                return new
                {
                    // The designer finds a node's wrapper element by the plain activity id.
                    activityId = nodes.ByActivity.FirstOrDefault(n => n.Value == a).Key ?? a, activityNodeId = a,
                    startedCount = mine.Count, completedCount = mine.Count(r => r.CompletedAt is not null),
                    uncompletedCount = mine.Count(r => r.CompletedAt is null),
                    isBlocked = mine.Any(r => r.CompletedAt is null && r.HasBookmarks),
                    isFaulted = mine.Any(r => r.Status == ActivityStatus.Faulted),
                };
            }).ToList(),
        });
    }
}
