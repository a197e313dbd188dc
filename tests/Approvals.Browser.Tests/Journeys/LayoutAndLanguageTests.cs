using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>The language switch returns to the page in the other language; the top bar and the diagram work on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutAndLanguageTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task The_language_switch_returns_to_the_same_page_in_the_other_language_on_live_and_static_pages()
    {
        var anonymous = await AnonymousAsync();
        await anonymous.Page.GotoAsync("/signin");
        await anonymous.Page.Locator("[data-testid=language]").ClickAsync();
        await anonymous.Page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await Assertions.Expect(anonymous.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var reviewer = await SignedInAsync("protocol-division", "/inbox");
        var page = reviewer.Page;
        var redirects = new List<string>();
        page.Response += (_, response) => { if (response.Status is >= 300 and < 400 and not 304)
            redirects.Add($"{response.Request.Method} {response.Url} -> {response.Headers.GetValueOrDefault("location")}"); };
        await page.Locator("[data-testid=language]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await reviewer.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=language]")).ToHaveTextAsync("中文");
        Assert.True(redirects.Count <= 1, string.Join("\n", redirects));

        // And back.
        await page.Locator("[data-testid=language]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task On_a_phone_the_bar_keeps_sign_out_and_language_in_view_and_the_diagram_stays_readable()
    {
        var requestId = await FileSisterCityAsync("Tampere", "sister-city", "FI");
        var applicant = await SignedInAsync("applicant", $"/requests/{requestId}", viewport: Phone);
        var page = applicant.Page;

        foreach (var locator in new[] { page.Locator("[data-testid=language]"), page.Locator(".approvals-signout-icon"),
            page.Locator("[data-testid=nav-menu]") })
        {
            await Assertions.Expect(locator).ToBeVisibleAsync();
            var box = (await locator.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= Phone.Width, $"off screen: {box.X}+{box.Width}");
        }
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
            "the page scrolls sideways");

        // The menu holds the pages.
        await page.Locator("[data-testid=nav-menu] button").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "新建申请" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // The flowchart's labels are at least 11 px high; a wide flow scrolls inside its frame.
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('svg.workflow-diagram text')].map(t => t.getBoundingClientRect().height))");
        Assert.True(smallest >= 11, $"diagram text is {smallest:0.0} px");
        await applicant.ScreenshotAsync("request-phone");
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task Form_errors_on_a_chinese_page_are_chinese()
    {
        var applicant = await SignedInAsync("applicant", "/requests/new?type=outbound-travel");
        var page = applicant.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Field("delegationLeader").Locator(".mud-input-helper-text").First).ToHaveTextAsync("必填");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("is required");
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task Running_a_request_workflow_from_the_designer_is_refused_and_reaches_no_inbox()
    {
        using var admin = await Host.ApiAs("admin");
        using var protocol = await Host.ApiAs("protocol-division");
        var before = (await protocol.GetFromJsonAsync<JsonArray>("/api/tasks"))!.Count;

        var run = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions/courtesy-request/execute", new { });

        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Contains("File a test request", (await run.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(before, (await protocol.GetFromJsonAsync<JsonArray>("/api/tasks"))!.Count);
    }
}
