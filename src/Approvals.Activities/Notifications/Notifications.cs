using System.Text.Json.Nodes;
using Approvals.Activities.Contracts;
using Approvals.Activities.Requests;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Notifications;

/// <summary>Writes templated notifications to the outbox of the current burst.</summary>
public static class Notifications
{
    public static async Task SendAsync(ActivityExecutionContext context, string template, IEnumerable<string> to,
        JsonObject? model = null, string? taskId = null)
    {
        var request = RequestContext.From(context);
        var recipients = await Recipients.ResolveAsync(to, context.GetRequiredService<IUserDirectory>(), request,
            context.CancellationToken);
        // One outbox row per recipient: each is rendered in the recipient's language and delivered (or retried) on its own.
        foreach (var recipient in recipients)
            context.AddOutboxMessage(NotificationRequest.OutboxKind, new JsonObject
            {
                ["template"] = template,
                ["recipients"] = new JsonArray(recipient!.DeepClone()),
                ["requestId"] = request.RequestId,
                ["requestNumber"] = request.Number,
                ["taskId"] = taskId,
                ["activityId"] = context.Node.Id,
                ["stage"] = context.Node.Name ?? context.Node.Id,
                ["model"] = model?.DeepClone() ?? new JsonObject(),
            });
    }
}
