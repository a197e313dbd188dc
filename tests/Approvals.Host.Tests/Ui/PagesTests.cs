using System.Net;
using System.Text.RegularExpressions;
using Approvals.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Ui;

/// <summary>The pages over HTTP (their first, server-rendered paint): sign-in with antiforgery, the inbox, a task page, the language switch.</summary>
public sealed class PagesTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public PagesTests(ApprovalsHost host) => _host = host;

    private async Task<HttpClient> SignInAsync(string user, string password = ApprovalsHost.Password)
    {
        var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var page = await (await browser.GetAsync("/signin")).Content.ReadAsStringAsync();
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        Assert.NotEmpty(token);
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("userName", user), new("password", password), new("returnUrl", "/inbox")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(password == ApprovalsHost.Password ? "/inbox" : "/signin?error=1&returnUrl=%2Finbox", response.Headers.Location!.OriginalString);
        return browser;
    }

    [Fact]
    public async Task Pages_need_a_sign_in()
    {
        var anonymous = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var inbox = await anonymous.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.StartsWith("http://localhost/signin", inbox.Headers.Location!.ToString());
        await SignInAsync("fao-director", "wrong-password");
    }

    [Fact]
    public async Task A_reviewer_signs_in_sees_the_task_in_the_inbox_and_opens_it()
    {
        await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var browser = await SignInAsync("sister-city-division");

        var inbox = WebUtility.HtmlDecode(await browser.GetStringAsync("/inbox"));
        Assert.Contains("友城处审核：Nowy Sącz", inbox);
        var taskPath = Regex.Match(inbox, "href=\"(?<p>tasks/[0-9a-f]+)\"").Groups["p"].Value;
        var task = WebUtility.HtmlDecode(await browser.GetStringAsync("/" + taskPath));
        Assert.Contains("Nowy Sącz", task);
        Assert.Contains("外方城市", task);
        Assert.Matches("class=\"node current\" data-activity=\"division\"", task);

        await browser.GetAsync("/culture?lang=en&returnUrl=/inbox");
        Assert.Contains("Inbox", await browser.GetStringAsync("/inbox"));
    }

    [Fact]
    public async Task A_board_member_sees_the_tally_the_policy_checks_and_the_quota_on_the_task_page()
    {
        var id = (await _host.SubmitAsync("applicant", "outbound-travel", FormData.Travel()))["id"]!.GetValue<string>();
        await _host.DecideOkAsync("unit-head", id, "Approved");
        await _host.DecideOkAsync("outbound-division", id, "Approved", stage: "preReview");
        await _host.DecideOkAsync("board1", id, "Approved");
        var browser = await SignInAsync("board2");

        var inbox = WebUtility.HtmlDecode(await browser.GetStringAsync("/inbox"));
        var taskPath = Regex.Match(inbox, "href=\"(?<p>tasks/[0-9a-f]+)\"").Groups["p"].Value;
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/" + taskPath));

        Assert.Contains("已投票: 同意 1 · 不同意 0 · 推迟审议 0 · 成员 5", page);
        Assert.Contains("出访 1 个国家（上限 3 个）", page);
        Assert.Contains("年度计划额度 2026", page);
        Assert.Matches("class=\"node current\" data-activity=\"board\"", page);
    }
}
