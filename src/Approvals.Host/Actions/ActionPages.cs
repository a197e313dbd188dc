using System.Net;
using Approvals.Activities.Tasks;
using Approvals.Activities.Contracts;
using Microsoft.AspNetCore.Antiforgery;

namespace Approvals.Host.Actions;

/// <summary>
/// Decision links from mail. GET only shows a confirmation page (a mail scanner that follows links decides nothing);
/// the POST, with the page's antiforgery token, decides as the person the link was made for, once.
/// </summary>
internal static class ActionPages
{
    public static void MapActionPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/actions/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/actions/{token}", ConfirmAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, ActionTokens tokens, TaskService tasks,
        IUserDirectory directory, IAntiforgery antiforgery)
    {
        if (tokens.Read(token) is not { } payload) return Page("链接无效或已过期 · Link invalid or expired",
            "<p>此链接无效或已过期，请登录系统办理。</p><p>This link is invalid or has expired; please sign in to decide.</p>", 400);
        var task = await tasks.GetAsync(payload.TaskId);
        if (task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled) return Page("已处理 · Already decided", Decided(task), 409);
        var user = await directory.FindAsync(payload.UserId);
        // A link outlives a lock (14 days): the person must still be able to decide (an active account) when it is used.
        if (await tasks.ActorForAsync(task, payload.UserId) is null)
            return Page("无权办理 · Not allowed",
                "<p>此链接的收件人目前不能办理此任务。</p><p>The person this link was sent to may not decide this task now.</p>", 403);
        var form = antiforgery.GetAndStoreTokens(http);
        var commentRequired = task.CommentRequiredFor.Contains(payload.Outcome);
        var body = $"""
            <p>{Enc(user?.DisplayName ?? payload.UserId)}，请确认 · please confirm:</p>
            <p><b>{Enc(task.Title)}</b> → <b>{Enc(payload.Outcome)}</b></p>
            <form method="post">
              <input type="hidden" name="{Enc(form.FormFieldName)}" value="{Enc(form.RequestToken ?? "")}">
              <p><label for="comment">意见 Comment{(commentRequired ? "（必填 required）" : "")}</label><br>
              <textarea id="comment" name="comment" rows="4" cols="60" {(commentRequired ? "required" : "")}></textarea></p>
              <p><button type="submit">确认 Confirm</button></p>
            </form>
            """;
        return Page("确认办理 · Confirm decision", body, 200);
    }

    private static async Task<IResult> ConfirmAsync(string token, HttpContext http, ActionTokens tokens, TaskService tasks,
        IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Page("请求无效 · Invalid request",
                "<p>请从邮件中的链接重新打开此页面。</p><p>Please open this page again from the link in the mail.</p>", 400);
        if (tokens.Read(token) is not { } payload) return Page("链接无效或已过期 · Link invalid or expired",
            "<p>此链接无效或已过期。</p><p>This link is invalid or has expired.</p>", 400);
        var comment = http.Request.Form["comment"].ToString();
        try
        {
            var result = await tasks.DecideAsync(payload.TaskId, payload.UserId, payload.Outcome, comment, payload.Nonce);
            return Page(result.Repeated ? "已处理 · Already decided" : "已办理 · Decided", Decided(result.Task), 200);
        }
        catch (TaskConflictException conflict)
        {
            return Page("已处理 · Already decided", Decided(conflict.Task), 409);
        }
        catch (DecisionInvalidException invalid)
        {
            return Page("无法办理 · Cannot decide", $"<p>{Enc(invalid.Message)}</p>", 400);
        }
        catch (DecisionFailedException failed)
        {
            return Page("无法办理 · Cannot decide",
                $"<p>{Enc(failed.Message)}</p><p>未保存任何内容，请登录系统查看。Nothing was saved; please sign in to look.</p>", 422);
        }
        catch (TaskForbiddenException forbidden)
        {
            return Page("无权办理 · Not allowed", $"<p>{Enc(forbidden.Message)}</p>", 403);
        }
    }

    private static string Decided(HumanTask task) => task.Status == HumanTaskStatus.Cancelled
        ? $"<p>此环节已结束 · This stage has closed: {Enc(task.CancelReason ?? "")}</p>"
        : $"<p><b>{Enc(task.Title)}</b></p><p>{Enc(task.Outcome ?? "")} — {Enc(task.ActedBy ?? "")}" +
            $"{(task.OnBehalfOf is null ? "" : $"（代 {Enc(task.OnBehalfOf)}）")}, {task.CompletedAt:yyyy-MM-dd HH:mm} UTC</p>" +
            $"{(task.Comment is null ? "" : $"<p>{Enc(task.Comment)}</p>")}";

    private static IResult Page(string title, string body, int status) => Results.Content(
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{Enc(title)}</title><meta name=\"viewport\" " +
        "content=\"width=device-width\"></head>" +
        "<body style=\"font-family:'Microsoft YaHei',Arial,sans-serif;max-width:40em;margin:2em auto\"><h1 " +
        $"style=\"font-size:1.4em\">{Enc(title)}</h1>{body}</body></html>",
        "text/html; charset=utf-8", statusCode: status);

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
