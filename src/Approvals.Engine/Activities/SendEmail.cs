using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// Sends an email through the outbox: the message is saved with the state change and delivered after commit by the host's mail sender.
/// </summary>
[Activity("Elsa", "SendEmail", "Email", DisplayName = "Send Email", Description = "Sends an email message.")]
public sealed class SendEmail : Activity
{
    public const string OutboxKind = "email";

    [Input(Description = "The sender; the configured sender when empty.")] public string? From { get; set; }
    [Input(Description = "Recipients.", Required = true)] public string[] To { get; set; } = [];
    [Input(Description = "Copy recipients.")] public string[] Cc { get; set; } = [];
    [Input(Description = "Blind copy recipients.")] public string[] Bcc { get; set; } = [];
    [Input(Description = "The subject.")] public string? Subject { get; set; }
    [Input(Description = "The body (HTML or text).", UIHint = UIHints.MultiLine)] public string? Body { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var recipients = To.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
        if (recipients.Length == 0) throw new InvalidOperationException("The email has no recipient.");
        context.AddOutboxMessage(OutboxKind, new JsonObject
        {
            ["from"] = From,
            ["to"] = Array(recipients),
            ["cc"] = Array(Cc),
            ["bcc"] = Array(Bcc),
            ["subject"] = Subject ?? "",
            ["body"] = Body ?? "",
        });
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        new(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)v.Trim()).ToArray());
}
