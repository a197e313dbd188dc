using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Approvals.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Ui;

/// <summary>
/// The pages over HTTP (their first, server-rendered paint): sign-in with antiforgery, the inbox, a task page, the language switch.
/// </summary>
public sealed class PagesTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public PagesTests(ApprovalsHost host) => _host = host;

    private Task<HttpClient> SignInAsync(string user, string password = ApprovalsHost.Password, string returnUrl = "/inbox") =>
        _host.SignInAsync(user, password, returnUrl);

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
        Assert.Contains("<td>友城处审核</td>", inbox); // the stage's name in the instance's definition version, in the page's language
        Assert.DoesNotContain("Division review", inbox);
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
        Assert.Contains("至少 3/5 人投票后过半数决定", page); // the board's rule
        Assert.Contains("出访 1 个国家（上限 3 个）", page);
        Assert.Contains("年度计划额度 2026", page);
        Assert.Contains("本申请：1 批次、2 人次", page); // what this request adds to the unit's use
        Assert.Matches("class=\"node current\" data-activity=\"board\"", page);
    }

    [Fact]
    public async Task The_studio_page_is_for_fao_staff_and_serves_the_webassembly_designer_against_our_api()
    {
        var anonymous = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.StartsWith("http://localhost/signin", (await anonymous.GetAsync("/studio?definition=sister-city-establishment"))
            .Headers.Location!.ToString());
        var applicant = await SignInAsync("applicant");
        var refused = await applicant.GetAsync("/studio");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("http://localhost/forbidden", refused.Headers.Location!.ToString());
        Assert.Contains("您的角色无权访问此页面", await applicant.GetStringAsync("/forbidden"));
        Assert.StartsWith("http://localhost/forbidden", (await applicant.GetAsync("/admin")).Headers.Location!.ToString());

        // A return URL with a query survives the sign-in.
        var admin = await SignInAsync("admin", returnUrl: "/studio?definition=sister-city-establishment");
        var page = await admin.GetAsync("/studio?definition=sister-city-establishment");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/studio/\" />", html);
        var element = Regex.Match(html, "<elsa-workflow-definition-editor[^>]*>").Value;
        Assert.Contains("definition-id=\"sister-city-establishment\"", element);
        Assert.Contains("remote-endpoint=\"http://localhost/elsa/api\"", element);
        var token = Regex.Match(element, "access-token=\"(?<t>[^\"]+)\"").Groups["t"].Value;
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("'wasm-unsafe-eval'", policy);
        Assert.DoesNotContain("'unsafe-eval'", policy);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());

        // The token in the page is the signed-in administrator's for /elsa/api only, and lasts minutes.
        var studioClient = _host.CreateClient();
        studioClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK,
            (await studioClient.GetAsync("/elsa/api/workflow-definitions/by-definition-id/sister-city-establishment")).StatusCode);
        // An administrator's studio token edits (an empty import is answered, not refused).
        Assert.Equal(HttpStatusCode.BadRequest,
            (await studioClient.PostAsync("/elsa/api/workflow-definitions/import-files",
            new MultipartFormDataContent { { new StringContent("x"), "note" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await studioClient.GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await studioClient.GetAsync("/api/admin/users")).StatusCode);
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(
            long.Parse(Regex.Match(html, "data-expires=\"(?<e>\\d+)\"").Groups["e"].Value));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(11));

        // The page renews it with the browser's sign-in and its antiforgery token; without the token, nothing.
        var renewal = WebUtility.HtmlDecode(Regex.Match(html, "data-renewal=\"(?<r>[^\"]+)\"").Groups["r"].Value);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/studio/token", null)).StatusCode);
        var renew = new HttpRequestMessage(HttpMethod.Post, "/studio/token");
        renew.Headers.Add("RequestVerificationToken", renewal);
        var renewed = await admin.SendAsync(renew);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var fresh = (await renewed.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        Assert.NotEqual(token, fresh);
        // A token cannot renew itself: renewal takes the browser's cookie only.
        var byToken = new HttpRequestMessage(HttpMethod.Post, "/studio/token");
        byToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().SendAsync(byToken)).StatusCode);

        // An id that does not exist is a plain not-found page, not the studio's error.
        var missing = await admin.GetAsync("/studio?instance=no-such-instance");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no-such-instance", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/studio?definition=no-such-definition")).StatusCode);

        // The package's files: the runtime script, WebAssembly with its MIME type, Brotli when asked for.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/studio/_framework/blazor.webassembly.js")).StatusCode);
        var wasmName = Directory.GetFiles(Path.Combine(FindRepository(),
            "src/Approvals.Host/studio/node_modules/@elsa-workflows/elsa-studio-wasm/_framework"), "Elsa.Api.Client.*.wasm").Single();
        var plain = await anonymous.GetAsync("/studio/_framework/" + Path.GetFileName(wasmName));
        Assert.Equal("application/wasm", plain.Content.Headers.ContentType!.MediaType);
        var brotli = new HttpRequestMessage(HttpMethod.Get, "/studio/_framework/" + Path.GetFileName(wasmName));
        brotli.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await anonymous.SendAsync(brotli);
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
        Assert.Equal("application/wasm", compressed.Content.Headers.ContentType!.MediaType);
        Assert.True(compressed.Content.Headers.ContentLength < plain.Content.Headers.ContentLength);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Approvals.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
