using System.Text.Json.Nodes;
using Approvals.Activities.Contracts;
using Approvals.Activities.Requests;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Notifications;

/// <summary>Writes templated notifications to the outbox of the current burst.</summary>
public static class Notifications
{
    public static async Task SendAsync(ActivityExecutionContext context, string template, IEnumerable<string> to, JsonObject? model = null, string? taskId = null)
    {
        var request = RequestContext.From(context);
        var recipients = await Recipients.ResolveAsync(to, context.GetRequiredService<IUserDirectory>(), request, context.CancellationToken);
        if (recipients.Count == 0) return;
        context.AddOutboxMessage(NotificationRequest.OutboxKind, new JsonObject
        {
            ["template"] = template,
            ["recipients"] = recipients,
            ["requestId"] = request.RequestId,
            ["requestNumber"] = request.Number,
            ["taskId"] = taskId,
            ["activityId"] = context.Node.Id,
            ["stage"] = context.Node.Name ?? context.Node.Id,
            ["model"] = model ?? new JsonObject(),
        });
    }
}
