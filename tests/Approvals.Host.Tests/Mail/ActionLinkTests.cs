using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Mail;

/// <summary>Decision links in mail: GET only confirms; the POST decides once, as the person the link was made for.</summary>
public sealed class ActionLinkTests
{
    [Fact]
    public async Task A_link_opens_a_confirmation_and_its_post_decides_once()
    {
        await using var mail = new MailHost();
        var id = (await mail.Host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var message = (await mail.Smtp.WaitForAsync(all =>
            all.Any(m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test"))))
            .First(m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test"));
        var approve = Regex.Match(message.TextBody ?? "", @"同意: http://approvals\.test(?<path>/actions/\S+)").Groups["path"].Value;
        Assert.NotEmpty(approve);
        var browser = mail.Host.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        // A scanner fetching the link decides nothing.
        var page = await browser.GetAsync(approve);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", html);
        Assert.Equal("Open", (await (await mail.Host.As("protocol-division"))
            .GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tasks?scope=candidate"))!
            .Single(t => t!["requestId"]!.GetValue<string>() == id)!["status"]!.GetValue<string>());

        var antiforgery = Regex.Match(html, "name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"");
        var form = new FormUrlEncodedContent(
            [new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)), new("comment", "同意")]);
        var confirmed = await browser.PostAsync(approve, form);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Approved", await confirmed.Content.ReadAsStringAsync());

        var again = await browser.PostAsync(approve,
            new FormUrlEncodedContent([new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)),
            new("comment", "再次")]));
        var againHtml = await again.Content.ReadAsStringAsync();
        Assert.Contains("Approved", againHtml);
        Assert.Contains("同意", againHtml);
        Assert.DoesNotContain("再次", againHtml);
        var details = await mail.Host.RequestAsync("applicant", id);
        var decided = details["history"]!.AsArray().Single()!;
        Assert.Equal(("Approved", "同意"), (decided["outcome"]!.GetValue<string>(), decided["comment"]!.GetValue<string>()));

        var forged = await browser.PostAsync("/actions/not-a-token", form);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var withoutAntiforgery = await mail.Host.CreateClient().PostAsync(approve, new FormUrlEncodedContent([new("comment", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);
    }
}
