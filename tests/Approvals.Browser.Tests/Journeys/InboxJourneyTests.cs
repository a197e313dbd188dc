using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// The inbox as a reviewer's work list: counts and a badge, search, decisions from the list, several at once, then on to the next task.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxJourneyTests(Chromium chromium) : BrowserJourney(chromium)
{
    private async Task<List<(string Id, string Number)>> FileCourtesyAsync(int count, string prefix)
    {
        using var applicant = await Host.ApiAs("applicant");
        var filed = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var response = await applicant.PostAsJsonAsync("/api/requests", new
            {
                type = "courtesy",
                data = new JsonObject
                {
                    ["delegationName"] = $"{prefix} {i}", ["country"] = "PL", ["leaderName"] = "Ludomir Handzel", ["leaderTitle"] = "Mayor",
                    ["rank"] = "bureau", ["size"] = 6,
                    ["arrival"] = "2026-12-20T10:00:00+08:00", ["departure"] = "2026-12-23T15:00:00+08:00", ["port"] = "上海浦东国际机场",
                    ["hostingUnit"] = "吴江区外办",
                    ["courtesies"] = new JsonArray("airport-vip"), ["justification"] = "友城代表团来访。",
                },
            });
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            filed.Add((body["id"]!.GetValue<string>(), body["number"]!.GetValue<string>()));
        }
        return filed;
    }

    /// <summary>MudBlazor puts a field's attributes on the input itself or on its wrapper, by component: either way, the input.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task A_reviewer_finds_decides_from_the_list_approves_several_and_goes_on_to_the_next_task(int width, bool english)
    {
        var prefix = $"代表团{width}{(english ? "en" : "zh")}";
        var filed = await FileCourtesyAsync(5, prefix);
        var reviewer = await SignedInAsync("protocol-division", "/inbox", viewport: new ViewportSize { Width = width, Height = 900 });
        var page = reviewer.Page;
        if (english)
        {
            await page.GotoAsync("/culture?lang=en&returnUrl=%2Finbox");
            await reviewer.WaitForInteractiveAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToHaveCountAsync(5);
        if (width > 960) await Assertions.Expect(page.Locator("[data-testid=inbox-badge]")).ToContainTextAsync("5");

        // Search by the request number: one row.
        await Input(page, "inbox-search").FillAsync(filed[0].Number);
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToHaveCountAsync(1);
        // Reject it from the list: the reason is asked for and required.
        var row = page.Locator("[data-testid=inbox] tbody tr[data-task]").First;
        await row.Locator("[data-testid=quick-Rejected]").ClickAsync();
        await page.Locator("[data-testid=quick-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-decide] .mud-input-helper-text")).ToContainTextAsync(english
            ? "A comment is required" : "请填写意见");
        await Input(page, "quick-comment").FillAsync("接待规格不符");
        await page.Locator("[data-testid=quick-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inbox-message]")).ToContainTextAsync(english ? "Decided" : "已办理");

        // Words of the title: the delegation's name and its number (no width has a 2 in it), one row.
        await Input(page, "inbox-search").FillAsync($"{prefix} 2");
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToContainTextAsync($"{prefix} 2");

        // Clear the search; tick two and approve them at once.
        await Input(page, "inbox-search").FillAsync("");
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToHaveCountAsync(4);
        await page.Locator("[data-testid=inbox] tbody tr[data-task]").Locator("input[data-testid=select], [data-testid=select] input")
            .Nth(0).CheckAsync();
        await page.Locator("[data-testid=inbox] tbody tr[data-task]").Locator("input[data-testid=select], [data-testid=select] input")
            .Nth(1).CheckAsync();
        await page.Locator("[data-testid=approve-selected]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inbox-message]")).ToContainTextAsync(english ? "2 approved." : "已同意 2 项");
        await Assertions.Expect(page.Locator("[data-testid=inbox] tbody tr[data-task]")).ToHaveCountAsync(2);
        if (width > 960) await Assertions.Expect(page.Locator("[data-testid=inbox-badge]")).ToContainTextAsync("2");
        if (width < 600) await reviewer.ScreenshotAsync("inbox-phone");

        // One on its task page, then straight on to the next; after the last, only the way back.
        await page.Locator("[data-testid=inbox] tbody tr[data-task] a").First.ClickAsync();
        foreach (var last in new[] { false, true })
        {
            await page.WaitForURLAsync(url => url.Contains("/tasks/", StringComparison.Ordinal));
            await page.Locator("[data-field=comment]").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = english ? "Approve" : "同意", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=back-to-inbox]")).ToBeVisibleAsync();
            if (last) await Assertions.Expect(page.Locator("[data-testid=next-task]")).ToHaveCountAsync(0);
            else await page.Locator("[data-testid=next-task]").ClickAsync();
        }

        using var api = await Host.ApiAs("applicant");
        var states = new List<string>();
        foreach (var (id, _) in filed) states.Add(
            (await api.GetFromJsonAsync<JsonObject>($"/api/requests/{id}"))!["request"]!["state"]!.GetValue<string>());
        Assert.Equal(1, states.Count(s => s == "Rejected"));
        Assert.Equal(4, states.Count(s => s == "InProgress"));
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task The_list_narrows_by_unit_type_and_stage()
    {
        await FileCourtesyAsync(2, "吴江代表团");
        using (var other = await Host.ApiAs("applicant2"))
        {
            var data = new JsonObject
            {
                ["delegationName"] = "Education delegation", ["country"] = "FI", ["leaderName"] = "Anna", ["leaderTitle"] = "Director",
                ["rank"] = "bureau", ["size"] = 3,
                ["arrival"] = "2026-12-20T10:00:00+08:00", ["departure"] = "2026-12-23T15:00:00+08:00", ["port"] = "上海浦东国际机场",
                ["hostingUnit"] = "市教育局",
                ["courtesies"] = new JsonArray("airport-vip"), ["justification"] = "交流。",
            };
            Assert.True((await other.PostAsJsonAsync("/api/requests", new { type = "courtesy", data })).IsSuccessStatusCode);
        }
        var reviewer = await SignedInAsync("protocol-division", "/inbox");
        var page = reviewer.Page;
        var rows = page.Locator("[data-testid=inbox] tbody tr[data-task]");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        await page.Locator("[data-testid=inbox-unit]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("市教育局", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Education delegation");

        await page.Locator("[data-testid=inbox-type]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("礼遇请示", new() { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=inbox-stage]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("礼宾处审核", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        Assert.Empty(BrowserErrors);
    }
}
