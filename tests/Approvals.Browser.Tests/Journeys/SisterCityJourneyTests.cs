using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>An applicant files a sister-city request in the browser; each reviewer signs in and approves it from the task page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SisterCityJourneyTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task Applicant_files_reviewers_approve_from_the_task_page_and_the_applicant_sees_the_outcome()
    {
        // The applicant picks the request type and fills the generated form.
        var applicant = await SignedInAsync("applicant", "/requests/new");
        var page = applicant.Page;
        await page.ChooseAsync("request-type", "国际友城结好报批");
        await page.TypeIntoAsync("proposingUnit", "吴江区人民政府");
        await page.TypeIntoAsync("foreignCity", "Heilbronn");
        await page.SearchAndChooseAsync("country", "Germany", "(DE)");
        await page.ChooseAsync("relationshipType", "友好交流城市");
        await page.TypeIntoAsync("rationale", "两市在职业教育和机械制造领域交往十年，已签署合作备忘录。");
        await page.Field("exchangeHistory").GetByRole(AriaRole.Button, new() { Name = "添加一行" }).ClickAsync();
        await page.TypeIntoAsync("year", "2019");
        await page.TypeIntoAsync("event", "市长率团互访");
        await page.TypeIntoAsync("plannedSigningDate", "2027-03-15");
        await applicant.ScreenshotAsync("applicant-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/requests/[0-9a-f]{32}$"));
        var requestId = page.Url.Split('/').Last();
        await Assertions.Expect(page.GetByText("Heilbronn").First).ToBeVisibleAsync();

        // Each reviewer in turn: inbox, task page, comment, approve.
        string[] reviewers = ["sister-city-division", "fao-director", "city-leadership"];
        foreach (var reviewer in reviewers)
        {
            var session = await SignedInAsync(reviewer, "/inbox");
            await session.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Heilbronn" }).First.ClickAsync();
            await session.Page.WaitForURLAsync("**/tasks/*");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(session.Page.Locator("svg.workflow-diagram .node.current")).ToHaveCountAsync(1);
            if (reviewer == "fao-director") await session.ScreenshotAsync("reviewer-task-page");
            await session.Page.TypeIntoAsync("comment", $"{reviewer} 同意。");
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
            await Assertions.Expect(session.Page.GetByText("已办理").First).ToBeVisibleAsync();
            Assert.True(session.Errors.Count == 0, string.Join("\n", session.Errors));
        }

        // FAO liaison records the provincial filing: the stage asks for the filing number and date.
        var liaison = await SignedInAsync("fao-liaison", "/inbox");
        await liaison.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Heilbronn" }).First.ClickAsync();
        await liaison.Page.WaitForURLAsync("**/tasks/*");
        await liaison.WaitForInteractiveAsync();
        await liaison.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
        await Assertions.Expect(liaison.Page.Locator("[data-field=documentNumber] .mud-input-error, [data-field=documentNumber] .mud-input-helper-text.mud-input-error")).Not.ToHaveCountAsync(0);
        await liaison.Page.TypeIntoAsync("documentNumber", "苏外备〔2026〕18号");
        await liaison.Page.TypeIntoAsync("date", "2026-11-20");
        await liaison.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
        await Assertions.Expect(liaison.Page.GetByText("已办理").First).ToBeVisibleAsync();

        // The applicant sees the approval, every decision with its comment in the timeline, and is asked to record the signing.
        await applicant.OpenAsync($"/requests/{requestId}");
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToContainTextAsync("待登记签约");
        var timeline = page.Locator("[data-testid=timeline]");
        foreach (var reviewer in reviewers) await Assertions.Expect(timeline).ToContainTextAsync($"{reviewer} 同意。");
        await Assertions.Expect(timeline).ToContainTextAsync("苏外备〔2026〕18号");
        await applicant.ScreenshotAsync("applicant-request-timeline");
        Assert.True(applicant.Errors.Count == 0, string.Join("\n", applicant.Errors));
        Assert.Empty(BrowserErrors);

        using var api = await Host.ApiAs("applicant");
        var request = (await api.GetFromJsonAsync<JsonObject>($"/api/requests/{requestId}"))!;
        Assert.Equal("待登记签约", request["request"]!["status"]!.GetValue<string>());
        Assert.Equal("Approved", request["request"]!["state"]!.GetValue<string>());
        Assert.Contains(request["request"]!["number"]!.GetValue<string>(), await page.Locator("[data-testid=request-number]").InnerTextAsync());
        Assert.Equal(4, request["history"]!.AsArray().Count);
    }
}
