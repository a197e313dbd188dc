using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using MimeKit;

namespace Approvals.Host.Tests.Security;

/// <summary>Markup typed into a request or a comment never becomes markup in official mail (the HTML part encodes every value).</summary>
public sealed class MailMarkupTests
{
    private const string Link = "<a href=\"https://evil.example/approve\">Approve here</a>";

    private static bool Is(MimeMessage m, string to, string template) =>
        m.To.Mailboxes.Any(a => a.Address == to) && m.Headers["X-Approvals-Template"] == template;

    [Fact]
    public async Task A_link_in_a_title_or_a_comment_is_shown_as_text_in_the_html_part_and_kept_plain_elsewhere()
    {
        await using var mail = new MailHost();
        var data = FormData.Courtesy();
        data["delegationName"] = Link;
        data["justification"] = "<img src=x onerror=alert(1)>";
        var id = (await mail.Host.SubmitAsync("applicant", "courtesy", data))["id"]!.GetValue<string>();
        await mail.Host.DecideOkAsync("protocol-division", id, "Returned", $"See {Link} & <script>alert(1)</script>");

        var messages = await mail.Smtp.WaitForAsync(all =>
            all.Any(m => Is(m, "protocol-division@approvals.test", "task-assigned"))
                && all.Any(m => Is(m, "applicant@approvals.test", "returned")));
        var assigned = messages.First(m => Is(m, "protocol-division@approvals.test", "task-assigned"));
        var returned = messages.First(m => Is(m, "applicant@approvals.test", "returned"));

        foreach (var message in new[] { assigned, returned })
        {
            Assert.DoesNotContain("href=\"https://evil.example", message.HtmlBody);
            Assert.DoesNotContain("<script>", message.HtmlBody);
            Assert.Contains("&lt;a href=&quot;https://evil.example/approve&quot;&gt;Approve here&lt;/a&gt;", message.HtmlBody);
            // The subject and the text part are plain text: the words appear as typed.
            Assert.Contains(Link, message.Subject);
            Assert.Contains(Link, message.TextBody);
        }
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", returned.HtmlBody);
        Assert.Contains("<script>alert(1)</script>", returned.TextBody);
        // The real links are still links.
        Assert.Contains("<a href=\"http://approvals.test/tasks/", assigned.HtmlBody);
    }
}
