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
        await page.SearchAndChooseAsync("country", "德国", "(DE)"); // found by its Chinese name
        await page.ChooseAsync("relationshipType", "友好交流城市");
        await page.TypeIntoAsync("rationale", "两市在职业教育和机械制造领域交往十年，已签署合作备忘录。");
        await page.Field("exchangeHistory").GetByRole(AriaRole.Button, new() { Name = "添加一行" }).ClickAsync();
        await page.TypeIntoAsync("year", "2019");
        await page.TypeIntoAsync("event", "市长率团互访");
        await page.TypeIntoAsync("plannedSigningDate", "2027-03-15");
        var draft = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% 协议草案 draft agreement\n%%EOF\n");
        await page.Field("draftAgreement").Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "协议草案.pdf",
            MimeType = "application/pdf", Buffer = draft });
        await Assertions.Expect(page.Locator("[data-testid=attachment-chosen]")).ToContainTextAsync("协议草案.pdf");
        await applicant.ScreenshotAsync("applicant-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/requests/[0-9a-f]{32}$"));
        var requestId = page.Url.Split('/').Last();
        await Assertions.Expect(page.GetByText("Heilbronn").First).ToBeVisibleAsync();

        // The division returns it for a fuller rationale; the applicant revises from the request page and resubmits.
        var returning = await SignedInAsync("sister-city-division", "/inbox");
        await returning.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Heilbronn" }).First.ClickAsync();
        await returning.Page.WaitForURLAsync("**/tasks/*");
        await returning.WaitForInteractiveAsync();
        await Assertions.Expect(returning.Page.Locator("[data-testid=attachments]")).ToContainTextAsync("协议草案.pdf");
        await returning.Page.GetByRole(AriaRole.Button, new() { Name = "退回修改", Exact = true }).ClickAsync();
        // The reason is asked for at the comment field, in the page's language.
        await Assertions.Expect(returning.Page.Locator("[data-field=comment] .mud-input-helper-text")).ToContainTextAsync("此项办理须填写意见");
        await returning.Page.TypeIntoAsync("comment", "请补充近三年交往情况。");
        await returning.Page.GetByRole(AriaRole.Button, new() { Name = "退回修改", Exact = true }).ClickAsync();
        await Assertions.Expect(returning.Page.GetByText("已办理").First).ToBeVisibleAsync();

        await applicant.OpenAsync($"/requests/{requestId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "去办理" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks/*");
        await applicant.WaitForInteractiveAsync();
        // Why it came back is the first thing on the revise task.
        await Assertions.Expect(page.Locator("[data-testid=returned-because]")).ToContainTextAsync("请补充近三年交往情况。");
        await Assertions.Expect(page.Locator("[data-testid=withdraw]")).ToBeVisibleAsync();
        await page.TypeIntoAsync("rationale", "两市在职业教育和机械制造领域交往十年；2024—2026 年每年互派代表团。");
        await page.GetByRole(AriaRole.Button, new() { Name = "重新提交", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("已办理").First).ToBeVisibleAsync();

        // Each reviewer in turn: inbox, task page, comment, approve; the city leader with the keyboard alone.
        string[] reviewers = ["sister-city-division", "fao-director", "city-leadership"];
        foreach (var reviewer in reviewers)
        {
            var session = await SignedInAsync(reviewer, "/inbox");
            await session.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Heilbronn" }).First.ClickAsync();
            await session.Page.WaitForURLAsync("**/tasks/*");
            await session.WaitForInteractiveAsync();
            await Assertions.Expect(session.Page.Locator("svg.workflow-diagram .node.current")).ToHaveCountAsync(1);
            if (reviewer == "fao-director") await session.ScreenshotAsync("reviewer-task-page");
            if (reviewer == "city-leadership")
            {
                await session.Page.Field("comment").Locator("textarea").FocusAsync();
                await session.Page.Keyboard.TypeAsync($"{reviewer} 同意。");
                await session.Page.Keyboard.PressAsync("Tab");
                await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true })).ToBeFocusedAsync();
                await session.Page.Keyboard.PressAsync("Enter");
            }
            else
            {
                await session.Page.TypeIntoAsync("comment", $"{reviewer} 同意。");
                await session.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
            }
            await Assertions.Expect(session.Page.GetByText("已办理").First).ToBeVisibleAsync();
            Assert.True(session.Errors.Count == 0, string.Join("\n", session.Errors));
        }

        // FAO liaison records the provincial filing: the stage asks for the filing number and date.
        var liaison = await SignedInAsync("fao-liaison", "/inbox");
        await liaison.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Heilbronn" }).First.ClickAsync();
        await liaison.Page.WaitForURLAsync("**/tasks/*");
        await liaison.WaitForInteractiveAsync();
        await liaison.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
        await Assertions.Expect(liaison.Page.Locator(
            "[data-field=documentNumber] .mud-input-error, [data-field=documentNumber] .mud-input-helper-text.mud-input-error"))
            .Not.ToHaveCountAsync(0);
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
        await Assertions.Expect(timeline).ToContainTextAsync("请补充近三年交往情况。");
        await Assertions.Expect(page.Locator("[data-testid=request-fields]")).ToContainTextAsync("2024—2026 年每年互派代表团");
        await Assertions.Expect(page.Locator("[data-testid=request-fields]")).ToContainTextAsync("德国 Germany (DE)");
        var link = page.Locator("[data-testid=attachments] a").Filter(new() { HasText = "协议草案.pdf" });
        var downloaded = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, downloaded.Status);
        Assert.Equal(draft, await downloaded.BodyAsync());
        await applicant.ScreenshotAsync("applicant-request-timeline");
        Assert.True(applicant.Errors.Count == 0, string.Join("\n", applicant.Errors));
        Assert.Empty(BrowserErrors);

        using var api = await Host.ApiAs("applicant");
        var request = (await api.GetFromJsonAsync<JsonObject>($"/api/requests/{requestId}"))!;
        Assert.Equal("待登记签约", request["request"]!["status"]!.GetValue<string>());
        Assert.Equal("Approved", request["request"]!["state"]!.GetValue<string>());
        Assert.Contains(request["request"]!["number"]!.GetValue<string>(),
            await page.Locator("[data-testid=request-number]").InnerTextAsync());
        Assert.Equal(6, request["history"]!.AsArray().Count); // returned, resubmitted, then four approvals
        Assert.Equal(2, request["revision"]!.GetValue<int>());

        // Asked to record the signing, the applicant does so from the request page; the relationship is then established.
        await page.GetByRole(AriaRole.Link, new() { Name = "去办理" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks/*");
        await applicant.WaitForInteractiveAsync();
        await page.TypeIntoAsync("signingDate", "2027-03-15");
        await page.TypeIntoAsync("signedAgreement", "吴江—海尔布隆友好交流城市协议书");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("已办理").First).ToBeVisibleAsync();
        await applicant.OpenAsync($"/requests/{requestId}");
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToContainTextAsync("已签约结好");
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("吴江—海尔布隆友好交流城市协议书");
    }
}
