using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Notifications;

/// <summary>
/// Sends a templated notification to users, roles, the applicant or fixed addresses (acting units such as the
/// airport or public security). It is written to the outbox with the state change and delivered after commit.
/// </summary>
[Activity("Approvals", "Notify", "Approvals", DisplayName = "Notify", Description = "Send a notification from a named template.")]
public sealed class Notify : Activity
{
    [Input(Description = "Template name (approved, rejected, acting-unit-notice, arrival-reminder, …).", Required = true)]
    public string Template { get; set; } = "";

    [Input(Description = "Recipients: applicant, user:ID, role:CODE, unit-role:CODE, or an email address.",
        UIHint = UIHints.MultiText, Required = true)]
    public string[] To { get; set; } = [];

    [Input(Description = "Extra values for the template.")] public object? Model { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var model = Engine.Expressions.ValueConverter.ToJsonNode(Model) as JsonObject ?? [];
        await Notifications.SendAsync(context, Template, To, model);
        context.Complete();
    }
}
