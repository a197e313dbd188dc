using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>Administrators keep users, plans and the calendar in the pages; reviewers set proxies and hand tasks over.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task Administrator_changes_a_travel_plan_creates_a_user_and_verifies_the_audit_trail()
    {
        var admin = await SignedInAsync("admin", "/admin");
        var page = admin.Page;

        // A new colleague for the outbound division.
        await page.GetByLabel("用户名").Last.FillAsync("outbound2");
        await page.GetByLabel("姓名").Last.FillAsync("出访处 李明");
        await page.GetByLabel("Email").FillAsync("outbound2@fao.example.gov.cn");
        await page.GetByLabel("密码").FillAsync("Approvals#2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-user=outbound2]")).ToContainTextAsync("出访处 李明");

        // The education bureau's plan for this year: 9 trips.
        await page.GetByRole(AriaRole.Tab, new() { Name = "单位与出访计划" }).ClickAsync();
        var row = page.Locator("[data-testid=quotas] tbody tr").Filter(new() { HasText = "教育局" });
        var trips = row.Locator("input").First;
        await trips.FillAsync("9");
        await trips.PressAsync("Tab");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("计划已保存。")).ToBeVisibleAsync();

        // A new unit gets a row in the plans.
        await page.GetByLabel("代码（新增或已有）").FillAsync("commerce-bureau");
        await page.GetByLabel("名称", new() { Exact = true }).Last.FillAsync("市商务局");
        await page.GetByLabel("英文名称").Last.FillAsync("City Commerce Bureau");
        await page.Locator("[data-testid=units] ~ div").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=units]")).ToContainTextAsync("市商务局");
        await Assertions.Expect(page.Locator("[data-testid=quotas] [data-unit=commerce-bureau]")).ToContainTextAsync("市商务局");

        // A holiday added to this year's calendar.
        await page.GetByRole(AriaRole.Tab, new() { Name = "工作日历" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=calendar]")).ToBeVisibleAsync();
        var dayCount = await page.Locator("[data-testid=calendar] tbody tr").CountAsync();
        var date = page.GetByLabel("日期", new() { Exact = true }).Last;
        await date.FillAsync($"{DateTime.UtcNow.Year}-12-31");
        await date.PressAsync("Tab");
        await page.GetByLabel("名称", new() { Exact = true }).Last.FillAsync("试验假日");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=calendar] tbody tr")).ToHaveCountAsync(dayCount + 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存本年" }).ClickAsync();
        await Assertions.Expect(page.GetByText("年日历已保存。")).ToBeVisibleAsync();

        // Every change above is in the audit chain, which verifies intact.
        await page.GetByRole(AriaRole.Tab, new() { Name = "审计与任务调度" }).ClickAsync();
        await page.Locator("[data-testid=verify-audit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-result]")).ToContainTextAsync("完整");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "打开任务调度面板（提醒、督办、定时）" }))
            .ToHaveAttributeAsync("href", "/hangfire");

        using var api = await Host.ApiAs("admin");
        var quotas = (await api.GetFromJsonAsync<JsonArray>($"/api/admin/quotas?year={DateTime.UtcNow.Year}"))!;
        Assert.Equal(9, quotas.Single(q => q!["unitId"]!.GetValue<string>().Contains("edu",
            StringComparison.OrdinalIgnoreCase))!["quotaTrips"]!.GetValue<int>());
        var users = (await api.GetFromJsonAsync<JsonArray>("/api/admin/users"))!;
        Assert.Contains(users, u => u!["userName"]!.GetValue<string>() == "outbound2");
        var calendar = (await api.GetFromJsonAsync<JsonArray>($"/api/admin/calendar/{DateTime.UtcNow.Year}"))!;
        Assert.Contains(calendar, d => d!["name"]?.GetValue<string>() == "试验假日"
            && d["date"]!.GetValue<string>() == $"{DateTime.UtcNow.Year}-12-31");
        Assert.Contains((await api.GetFromJsonAsync<JsonArray>("/api/admin/units"))!,
            u => u!["id"]!.GetValue<string>() == "commerce-bureau");
        var audit = (await api.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify"))!;
        Assert.True(audit["isIntact"]!.GetValue<bool>());
        Assert.True(admin.Errors.Count == 0, string.Join("\n", admin.Errors));
    }

    [Fact]
    public async Task Administrator_sees_a_faulted_instance_with_its_reason_and_retries_it()
    {
        await FileSisterCityAsync("Graz", "sister-city", "AT"); // some mail in the outbox
        using var api = await Host.ApiAs("admin");
        var definition = new JsonObject
        {
            ["definitionId"] = "broken-drill", ["name"] = "broken-drill",
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["connections"] = new JsonArray(),
                ["activities"] = new JsonArray(new JsonObject
                {
                    ["id"] = "broken", ["type"] = "Elsa.WriteLine",
                    ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript",
                        ["value"] = "throw new Error('the archive is offline')" } },
                }),
            },
        };
        Assert.True((await api.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        Assert.True((await api.PostAsync("/elsa/api/workflow-definitions/broken-drill/publish", null)).IsSuccessStatusCode);
        var executed = (await (await api.PostAsJsonAsync("/elsa/api/workflow-definitions/broken-drill/execute", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var instanceId = executed["workflowState"]!["id"]!.GetValue<string>();

        var admin = await SignedInAsync("admin", "/admin");
        var page = admin.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "流程故障" }).ClickAsync();
        var row = page.Locator($"[data-testid=incidents] tr[data-instance=\"{instanceId}\"]");
        await Assertions.Expect(row).ToContainTextAsync("the archive is offline");
        await row.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-message]")).ToContainTextAsync("重试后再次出错");

        // Nothing failed in the outbox, so "send all failed again" has nothing to do; each message says whom it is for.
        await page.GetByRole(AriaRole.Tab, new() { Name = "邮件发件箱" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=resend-failed]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=recipients]").Filter(new() { HasText = "@approvals.test" }).First)
            .ToBeVisibleAsync();
        Assert.True(admin.Errors.Count == 0, string.Join("\n", admin.Errors));
    }

    [Fact]
    public async Task Reviewer_names_a_proxy_who_then_sees_and_transfers_the_task()
    {
        await FileSisterCityAsync("Trondheim", "sister-city", "NO");

        // The division reviewer names the outbound division's colleague as proxy for a week.
        var division = await SignedInAsync("sister-city-division", "/proxies");
        var picker = division.Page.Locator("[data-field=substitute] input");
        await picker.ClickAsync();
        await picker.PressSequentiallyAsync("outbound");
        await division.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "outbound-division" }).First.ClickAsync();
        await division.Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(division.Page.Locator("[data-testid=proxies] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(division.Page.Locator("[data-testid=proxies]")).ToContainTextAsync("生效中");

        // The proxy claims the task in their inbox and transfers it to the director with a note.
        var proxy = await SignedInAsync("outbound-division", "/inbox");
        await proxy.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Trondheim" }).First.ClickAsync();
        await proxy.Page.WaitForURLAsync("**/tasks/*");
        await proxy.WaitForInteractiveAsync();
        await proxy.Page.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await proxy.Page.GetByText("转办或委托").ClickAsync();
        var to = proxy.Page.Locator("[data-field=transfer-to] input");
        await to.ClickAsync();
        await to.PressSequentiallyAsync("fao-director");
        await proxy.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "fao-director" }).First.ClickAsync();
        await proxy.Page.GetByRole(AriaRole.Button, new() { Name = "转办", Exact = true }).ClickAsync();
        await Assertions.Expect(proxy.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true })).ToHaveCountAsync(0);

        using var director = await Host.ApiAs("fao-director");
        var tasks = (await director.GetFromJsonAsync<JsonArray>("/api/tasks?scope=mine"))!;
        Assert.Contains(tasks, t => t!["title"]!.GetValue<string>().Contains("Trondheim"));
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task Applicant_withdraws_a_pending_request_with_a_reason()
    {
        var requestId = await FileSisterCityAsync("Tampere");
        var applicant = await SignedInAsync("applicant", $"/requests/{requestId}");
        var page = applicant.Page;
        await page.GetByLabel("撤回原因").FillAsync("外方城市换届，暂缓结好。");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回", Exact = true }).ClickAsync();
        // Asked again before anything happens.
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).Not.ToHaveTextAsync("已撤回");
        await page.Locator("[data-testid=confirm-withdraw-yes]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToHaveTextAsync("已撤回");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "撤回", Exact = true })).ToHaveCountAsync(0);

        // The division's task went with it.
        using var division = await Host.ApiAs("sister-city-division");
        var tasks = (await division.GetFromJsonAsync<JsonArray>("/api/tasks"))!;
        Assert.DoesNotContain(tasks, t => t!["title"]!.GetValue<string>().Contains("Tampere"));
        Assert.Empty(BrowserErrors);
    }
}
