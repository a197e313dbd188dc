using Approvals.Engine.Definitions;
using Approvals.Engine.Instances;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary><c>POST /elsa/api/workflow-instances/{id}/journal</c>: a page of an instance's journal, oldest first.</summary>
internal static class GetJournal
{
    public sealed record JournalBody(int? Page, int? PageSize);

    public static void Map(RouteGroupBuilder elsa) => elsa.MapPost("/workflow-instances/{id}/journal", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, JournalBody? body, int? skip, int? take, WorkflowInstanceStore instances,
        WorkflowExecutionLogStore journal, WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var nodes = await NodeIds.OfInstanceAsync(instances, definitions, id, cancellationToken);
        // The studio pages with ?skip&take; older clients send a page in the body.
        var size = Math.Clamp(take ?? body?.PageSize ?? 100, 1, 1000);
        var offset = Math.Max(0, skip ?? (body?.Page ?? 0) * size);
        var page = await journal.PageAsync(id, offset, size, cancellationToken);
        return Results.Ok(new
        {
            items = page.Items.Select(j => new
            {
                // Workflow-level events belong to the root flowchart, so every record names a node.
                id = j.Id, activityInstanceId = j.ActivityExecutionId ?? id, activityId = j.ActivityId ?? nodes.RootId,
                activityType = j.ActivityType ?? "Elsa.Flowchart",
                activityTypeVersion = 1, activityName = j.ActivityName, nodeId = nodes.Of(j.ActivityId),
                activityNodeId = nodes.Of(j.ActivityId), timestamp = j.Timestamp,
                sequence = j.Sequence, eventName = j.EventName, message = j.Message, source = (string?)null, payload = j.Payload,
            }),
            totalCount = page.TotalCount,
        });
    }
}
