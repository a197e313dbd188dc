using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// The workflow view is where a reviewer decides: stages show who did what, the diagram zooms, the designer's viewer opens and comes back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagramDecisionTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Theory]
    [InlineData(1440, false)]
    [InlineData(390, true)]
    public async Task A_reviewer_reads_an_earlier_stage_in_the_diagram_then_decides_the_current_one(int width, bool english)
    {
        var requestId = await FileSisterCityAsync("Kraków", "sister-city", "PL");
        using (var division = await Host.ApiAs("sister-city-division"))
        {
            var task = (await division.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First(t =>
                t!["requestId"]!.GetValue<string>() == requestId)!;
            using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "审核意见.pdf" } };
            var uploaded = (await (await division.PostAsync($"/api/requests/{requestId}/attachments", form))
                .Content.ReadFromJsonAsync<JsonObject>())!;
            var decided = await division.PostAsJsonAsync($"/api/tasks/{task["id"]}/decision",
                new { outcome = "Approved", comment = "材料齐全，建议同意。", operationId = "d1",
                attachmentIds = new[] { uploaded["id"]!.GetValue<string>() } });
            Assert.True(decided.IsSuccessStatusCode);
        }
        using var director = await Host.ApiAs("fao-director");
        var taskId = (await director.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First(t =>
            t!["requestId"]!.GetValue<string>() == requestId)!["id"]!.GetValue<string>();

        var session = await SignedInAsync("fao-director", $"/tasks/{taskId}", viewport: new ViewportSize { Width = width, Height = 900 });
        var page = session.Page;
        if (english)
        {
            await page.GotoAsync($"/culture?lang=en&returnUrl={Uri.EscapeDataString($"/tasks/{taskId}")}");
            await session.WaitForInteractiveAsync();
        }

        // The division's stage: who approved, with what comment.
        await page.Locator("g.node[data-activity=division]").ClickAsync();
        var details = page.Locator("[data-testid=stage-details]");
        await Assertions.Expect(details).ToContainTextAsync("友城处 王芳");
        await Assertions.Expect(details).ToContainTextAsync("材料齐全，建议同意。");
        await Assertions.Expect(details).ToContainTextAsync(english ? "Approve" : "同意");
        await Assertions.Expect(details.Locator("[data-testid=stage-attachment]")).ToHaveTextAsync("审核意见.pdf");

        // Zoom in: the diagram grows inside its frame.
        var before = (await page.Locator("svg.workflow-diagram").BoundingBoxAsync())!.Width;
        await page.Locator("[data-testid=zoom-in]").ClickAsync();
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('svg.workflow-diagram').getBoundingClientRect().width > {before + 1}");

        // The designer's viewer of this run, and back to this task.
        var studio = page.Locator("[data-testid=open-in-studio]");
        Assert.Contains($"back=%2Ftasks%2F{taskId}", await studio.GetAttributeAsync("href"));

        // The current stage carries the decision.
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Approve" : "同意", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=decided]")).ToContainTextAsync("孙强");
        if (!english && width > 960) await session.ScreenshotAsync("task-diagram-decide");
        Assert.Empty(BrowserErrors);
    }

    [Fact]
    public async Task The_designers_viewer_comes_back_to_the_task()
    {
        var requestId = await FileSisterCityAsync("Toruń", "sister-city", "PL");
        using var division = await Host.ApiAs("sister-city-division");
        var taskId = (await division.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First(t =>
            t!["requestId"]!.GetValue<string>() == requestId)!["id"]!.GetValue<string>();
        var session = await SignedInAsync("sister-city-division", $"/tasks/{taskId}");
        await session.Page.Locator("[data-testid=open-in-studio]").ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("/studio?instance=", StringComparison.Ordinal));
        Assert.Equal($"/tasks/{taskId}", await session.Page.Locator("[data-testid=studio-back]").GetAttributeAsync("href"));
    }
}
