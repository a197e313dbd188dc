using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;
using Approvals.Host.Actions;
using Approvals.Host.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Approvals.Host.Mail;

/// <summary>
/// Turns an outbox row into a multipart (text and HTML) message in the recipient's language. Its Message-Id is derived
/// from the row, so every retry of the row is the same message.
/// </summary>
public sealed partial class MailComposer(
    ApprovalsDbContextFactory domain, RequestTypeCatalog types, MailTemplates templates, ActionTokens tokens,
    IOptions<SmtpOptions> smtp, IOptions<MailOptions> mail)
{
    private static readonly HashSet<string> Actionable = ["task-assigned", "reminder", "escalation"];

    public static string MessageIdOf(long outboxId) => $"outbox-{outboxId}@approvals.local";

    /// <summary>
    /// The requests and tasks a group of rows is about, read in two statements: a sweep sends its mail a few at a time, and
    /// reading them row by row was a third of the cost of composing a message.
    /// </summary>
    public async Task<MailSubjects> ReadSubjectsAsync(IReadOnlyCollection<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (domain.Reads is { } reads)
            return new MailSubjects(ApprovalsQueries.RequestsByIds(reads, domain.Model, Ids(rows, "requestId")),
                ApprovalsQueries.TasksByIds(reads, domain.Model, Ids(rows, "taskId")));
        await using var db = domain.Create();
        return new MailSubjects(
            await ApprovalsQueries.RequestsByIds(db, Ids(rows, "requestId"), cancellationToken),
            await ApprovalsQueries.TasksByIds(db, Ids(rows, "taskId"), cancellationToken));
    }

    /// <summary>Composes the row's message from <paramref name="subjects"/> (its group's read), or from a read of its own.</summary>
    public async Task<MimeMessage?> ComposeAsync(OutboxMessage row, CancellationToken cancellationToken, MailSubjects? subjects = null)
    {
        var message = new MimeMessage { MessageId = MessageIdOf(row.Id) };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var builder = new BodyBuilder();
        switch (row.Kind)
        {
            case Activities.Notifications.NotificationRequest.OutboxKind:
                var recipient = row.Body["recipients"]?[0] as JsonObject;
                if (recipient?["email"]?.GetValue<string>() is not { Length: > 0 } email) return null;
                message.To.Add(new MailboxAddress(recipient["name"]?.GetValue<string>() ?? email, email));
                var template = row.Body["template"]!.GetValue<string>();
                message.Headers.Add("X-Approvals-Template", template);
                var language = recipient["language"]?.GetValue<string>() ?? "zh-CN";
                subjects ??= await ReadSubjectsAsync([row], cancellationToken);
                var rendered = await templates.RenderAsync(template,
                    language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN",
                    await ModelAsync(row, recipient, template, subjects, cancellationToken));
                message.Subject = rendered.Subject;
                builder.TextBody = rendered.Text;
                builder.HtmlBody = Layout(rendered.Html);
                break;
            case Engine.Activities.SendEmail.OutboxKind:
                foreach (var to in Addresses(row.Body["to"])) message.To.Add(to);
                foreach (var cc in Addresses(row.Body["cc"])) message.Cc.Add(cc);
                foreach (var bcc in Addresses(row.Body["bcc"])) message.Bcc.Add(bcc);
                if (row.Body["from"]?.GetValue<string>() is { Length: > 0 } from) message.ReplyTo.Add(MailboxAddress.Parse(from));
                message.Subject = row.Body["subject"]?.GetValue<string>() ?? "";
                var html = row.Body["body"]?.GetValue<string>() ?? "";
                builder.HtmlBody = Layout(html);
                var text = Tags().Replace(html.Replace("<br>", "\n").Replace("</p>", "\n"), "");
                builder.TextBody = System.Net.WebUtility.HtmlDecode(text).Trim() + "\n";
                break;
            default:
                return null;
        }
        message.Body = builder.ToMessageBody();
        return message;
    }

    private async Task<IReadOnlyDictionary<string, object?>> ModelAsync(
        OutboxMessage row, JsonObject recipient, string template, MailSubjects subjects, CancellationToken cancellationToken)
    {
        var baseUrl = mail.Value.PublicBaseUrl.TrimEnd('/');
        var requestId = row.Body["requestId"]?.GetValue<string>();
        var taskId = row.Body["taskId"]?.GetValue<string>();
        var request = requestId is null ? null : subjects.Requests.GetValueOrDefault(requestId);
        var task = taskId is null ? null : subjects.Tasks.GetValueOrDefault(taskId);
        var type = request is null ? null : (await types.ListAsync(cancellationToken)).FirstOrDefault(t => t.Code == request.Type);

        var english = English(recipient);
        var actions = new List<Dictionary<string, object?>>();
        if (task is { Status: HumanTaskStatus.Open or HumanTaskStatus.Claimed } && Actionable.Contains(template)
            && recipient["userId"]?.GetValue<string>() is { } userId)
            foreach (var outcome in task.Outcomes.Where(o => DecidableFromMail(task, o)))
                actions.Add(new()
                {
                    ["outcome"] = outcome, ["label"] = Components.Localization.UiText.Word(outcome, english),
                    ["url"] = $"{baseUrl}/actions/{Uri.EscapeDataString(tokens.Create(task.Id, userId, outcome))}",
                });

        // A return or a rejection is told with the decision behind it: its comment (the reason) and the stage that made it.
        var model = row.Body["model"] as JsonObject ?? [];
        var stage = Components.Localization.StageName.In(row.Body["stage"]?.GetValue<string>(), english);
        if (request is not null && template is "returned" or "rejected")
        {
            var outcome = template == "returned" ? "Returned" : "Rejected";
            await using var db = domain.Create();
            var decided = await db.Tasks.AsNoTracking()
                .Where(t => t.RequestId == request.Id && t.Status == HumanTaskStatus.Completed && t.Outcome == outcome)
                .OrderByDescending(t => t.CompletedAt).FirstOrDefaultAsync(cancellationToken);
            if (decided is not null)
            {
                stage = decided.Title;
                if (model["comment"] is null)
                {
                    // A board's rejection: every member's reason; otherwise the one decision's comment.
                    var reasons = decided.Kind == "board-vote"
                        ? await db.Tasks.AsNoTracking()
                            .Where(t => t.ActivityExecutionId == decided.ActivityExecutionId && t.Outcome == outcome && t.Comment != null)
                            .OrderBy(t => t.CompletedAt).Select(t => t.Comment!).ToListAsync(cancellationToken)
                        : decided.Comment is { } comment ? [comment] : [];
                    if (reasons.Count > 0)
                        model = new JsonObject(model.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
                        {
                            ["comment"] = string.Join(english ? "; " : "；", reasons),
                        };
                }
            }
        }

        return new Dictionary<string, object?>
        {
            ["recipient"] = ValueConverter.ToPlain(recipient),
            ["request"] = request is null ? null : new Dictionary<string, object?>
            {
                ["number"] = request.Number,
                ["title"] = english && type is not null
                    ? RequestService.TitleOf(type, request.Data, request.Number, english: true) : request.Title,
                ["status"] = request.Status, ["statusEn"] = request.StatusEn,
                ["type"] = type?.Name ?? request.Type, ["typeEn"] = type?.NameEn ?? request.Type,
                ["documentNumber"] = request.DocumentNumber,
                ["url"] = $"{baseUrl}/requests/{request.Id}", ["data"] = ValueConverter.ToPlain(request.Data),
                ["shown"] = ShownValues.Of(type, request.Data, English(recipient), Activities.Calendar.OfficeTime.Zone),
            },
            ["task"] = task is null ? null : new Dictionary<string, object?>
            {
                ["title"] = task.Title, ["instructions"] = task.Instructions, ["url"] = $"{baseUrl}/tasks/{task.Id}",
                ["dueAt"] = task.DueAt is { } due ? Activities.Calendar.OfficeTime.Display(due) : null,
            },
            ["stage"] = stage,
            ["actions"] = actions,
            ["model"] = ValueConverter.ToPlain(model),
            // Whether the mail is about the recipient's own request ("your request") or someone else's (a division told of an approval).
            ["yours"] = request is not null && recipient["userId"]?.GetValue<string>() == request.ApplicantId,
        };
    }

    /// <summary>Only outcomes that need nothing but a comment get a link: the rest need fields or a form only the task page has.</summary>
    private static bool DecidableFromMail(HumanTask task, string outcome) =>
        task.Payload?["required"]?[outcome] is null && !(task.Kind == "revise" && outcome == "Resubmitted");

    /// <summary>The distinct ids the rows name under <paramref name="name"/> (a row whose id is not text names none).</summary>
    private static string[] Ids(IEnumerable<OutboxMessage> rows, string name) =>
        rows.Select(r => r.Body[name] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null)
            .OfType<string>().Distinct().ToArray();

    private static bool English(JsonObject recipient) =>
        recipient["language"]?.GetValue<string>()?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    private static IEnumerable<MailboxAddress> Addresses(JsonNode? node) =>
        (node as JsonArray ?? []).Select(a => a?.GetValue<string>()).OfType<string>().Where(a => a.Trim().Length > 0)
            .Select(MailboxAddress.Parse);

    private static string Layout(string html) =>
        "<!DOCTYPE html><html><body style=\"font-family:'Microsoft YaHei','PingFang SC',Arial,sans-serif;font-size:14px;color:#222\">" +
        html + "<hr style=\"border:none;border-top:1px solid #ddd\">" +
        "<p style=\"color:#888;font-size:12px\">市外事办公室审批系统 · Foreign Affairs Office Approvals</p></body></html>";

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
