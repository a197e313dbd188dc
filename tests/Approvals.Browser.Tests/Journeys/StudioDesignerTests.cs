using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// The real Elsa Studio (npm) against our /elsa/api: an administrator adds a stage from the palette and publishes version 2.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioDesignerTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task Administrator_adds_a_stage_in_the_studio_and_publishes_version_2_which_new_requests_follow()
    {
        var before = await FileSisterCityAsync("Before");

        // The studio is its own Blazor WebAssembly runtime, not one of our interactive pages.
        var admin = await SignedInAsync("admin", "/studio?definition=sister-city-establishment", interactive: false);
        var page = admin.Page;
        try
        {
            await page.Locator("g.x6-node[data-cell-id=leadership]")
                .WaitForAsync(new() { Timeout = 90_000, State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await admin.ScreenshotAsync("failure-studio");
            throw new TimeoutException("The studio did not show the definition: " + string.Join("\n", admin.Errors));
        }
        var known = await NodeIdsAsync(page);
        // The whole flow in view, so every port can be reached with the mouse.
        await (await ToolbarButtonAsync(page, "Zoom to fit the screen")).ClickAsync();

        // Drag "Review" from the Approvals group of the palette onto the canvas.
        await page.GetByText("Approvals", new() { Exact = true }).ClickAsync();
        var review = page.Locator("div[draggable=true]")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*Review\s*$") });
        var canvas = (await page.Locator(".x6-graph-svg").First.BoundingBoxAsync())!;
        await DropAsync(page, review, canvas.X + 100, canvas.Y + 80);
        await Assertions.Expect(page.Locator("g.x6-node")).ToHaveCountAsync(known.Count + 1);
        var stage = (await NodeIdsAsync(page)).Except(known).Single();

        // Its inputs appear as a form: a title and the role that decides.
        await page.Locator($"g.x6-node[data-cell-id=\"{stage}\"]").ClickAsync(new() { Force = true });
        await InputAsync(page, "Title").FillAsync("法律审核 Legal review");
        var roles = InputAsync(page, "Roles");
        await roles.ClickAsync();
        await roles.FillAsync("fao-director");
        await roles.PressAsync("Enter");
        await admin.ScreenshotAsync("studio-editor-approvals-activity");

        // Put it between the city leadership's approval and the decision that follows: remove that edge, draw two new ones.
        var leadershipApproved = await CenterAsync(Port(page, "leadership", "Approved"));
        var kindIn = await CenterAsync(Port(page, "kind", "In"));
        var edge = await EdgeMidpointAsync(page, leadershipApproved, kindIn);
        await page.Mouse.ClickAsync(edge.X, edge.Y);
        await page.Keyboard.PressAsync("Delete");
        await ConnectAsync(page, leadershipApproved, await CenterAsync(Port(page, stage, "In")));
        await ConnectAsync(page, await CenterAsync(Port(page, stage, "Approved")), kindIn);

        // Publish (the cloud button), and the studio says so.
        var published = page.WaitForResponseAsync(r => r.Url.Contains("/elsa/api/workflow-definitions") && r.Request.Method == "POST"
            && r.Request.PostData!.Contains("\"publish\":true"));
        await (await ToolbarButtonAsync(page, "Publish workflow")).ClickAsync();
        var answer = await published;
        if (answer.Status != 200) await admin.ScreenshotAsync("failure-studio-publish");
        Assert.True(answer.Status == 200, await answer.TextAsync());
        await Assertions.Expect(page.GetByText("Workflow published")).ToBeVisibleAsync();

        using var adminApi = await Host.ApiAs("admin");
        var v2 = (await adminApi.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/sister-city-establishment?versionOptions=Published"))!;
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var connections = v2["root"]!["connections"]!.AsArray()
            .Select(c => $"{c!["source"]!["activity"]}.{c["source"]!["port"]}->{c["target"]!["activity"]}").ToList();
        Assert.Contains($"leadership.Approved->{stage}", connections);
        Assert.Contains($"{stage}.Approved->kind", connections);
        Assert.DoesNotContain("leadership.Approved->kind", connections);

        // A request filed now runs on version 2 and reaches the new stage; the one filed before stays on version 1.
        var after = await FileSisterCityAsync("After");
        Assert.Equal(1, await VersionOfAsync(adminApi, before));
        Assert.Equal(2, await VersionOfAsync(adminApi, after));
        foreach (var reviewer in new[] { "sister-city-division", "fao-director", "city-leadership" })
        {
            using var client = await Host.ApiAs(reviewer);
            foreach (var request in new[] { before, after }) await ApproveCurrentAsync(client, request);
        }
        Assert.Equal("法律审核 Legal review", (await CurrentTaskAsync(adminApi, after))["title"]!.GetValue<string>());
        Assert.StartsWith("记录省外办备案号", (await CurrentTaskAsync(adminApi, before))["title"]!.GetValue<string>());

        // The definition list exports the sister-city workflow as Elsa JSON: version 2, with the new stage.
        await page.GotoAsync("/studio");
        var row = page.Locator("tbody tr").Filter(new() { HasText = "sister-city-establishment" });
        await row.Locator("button").Last.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Export", new() { Exact = true }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".mud-dialog").GetByRole(AriaRole.Button,
            new() { Name = "Export" }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("sister-city-establishment", exported["definitionId"]!.GetValue<string>());
        Assert.Equal(2, exported["version"]!.GetValue<int>());
        Assert.Contains(exported["root"]!["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == stage);

        // "View" in the list opens that definition's editor page.
        await row.Locator("button").Last.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("View", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/studio?definition=sister-city-establishment");
        await page.Locator($"g.x6-node[data-cell-id=\"{stage}\"]")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        // The studio's instance viewer shows the older request's run: its journal from the start.
        var instanceId = (await adminApi.GetFromJsonAsync<JsonObject>($"/api/requests/{before}"))!["instanceId"]!.GetValue<string>();
        await page.GotoAsync($"/studio?instance={instanceId}");
        await Assertions.Expect(page.GetByText("WorkflowStarted").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText(instanceId.ToUpperInvariant()).First).ToBeVisibleAsync();
        Assert.True(admin.Errors.Count == 0, string.Join("\n", admin.Errors));
    }

    private static async Task<int> VersionOfAsync(HttpClient admin, string requestId)
    {
        var request = (await admin.GetFromJsonAsync<JsonObject>($"/api/requests/{requestId}"))!;
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{request["instanceId"]}"))!;
        return instance["version"]!.GetValue<int>();
    }

    private static async Task<JsonObject> CurrentTaskAsync(HttpClient client, string requestId)
    {
        var request = (await client.GetFromJsonAsync<JsonObject>($"/api/requests/{requestId}"))!;
        return request["currentTasks"]!.AsArray().Single()!.AsObject();
    }

    private static async Task ApproveCurrentAsync(HttpClient client, string requestId)
    {
        var task = await CurrentTaskAsync(client, requestId);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task["taskId"]}/decision", new { outcome = "Approved", comment = "同意" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<string>> NodeIdsAsync(IPage page) =>
        [.. await page.Locator("g.x6-node").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.getAttribute('data-cell-id'))")];

    private static ILocator InputAsync(IPage page, string label) =>
        page.Locator(".mud-input-control")
            .Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{label}$") }) })
                .Locator("input, textarea").First;

    private static ILocator Port(IPage page, string node, string port) =>
        page.Locator($"g.x6-node[data-cell-id=\"{node}\"] g[port=\"{port}\"] circle.elsa-designer-port-hit-area");

    private static async Task<(float X, float Y)> CenterAsync(ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync())!;
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    /// <summary>
    /// The studio's palette speaks HTML5 drag and drop; Playwright's mouse does not start one, so the events are sent as a browser would.
    /// </summary>
    private static async Task DropAsync(IPage page, ILocator source, float x, float y)
    {
        var transfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await source.DispatchEventAsync("dragstart", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        var target = await page.EvaluateHandleAsync("({ x, y }) => document.elementFromPoint(x, y)", new { x = (double)x, y = (double)y });
        foreach (var type in new[] { "dragenter", "dragover", "drop" })
            await target.EvaluateAsync("(el, { type, dt, x, y }) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: " +
                "true, dataTransfer: dt, clientX: x, clientY: y }))",
                new { type, dt = transfer, x = (double)x, y = (double)y });
        await source.DispatchEventAsync("dragend", new Dictionary<string, object> { ["dataTransfer"] = transfer });
    }

    private static async Task ConnectAsync(IPage page, (float X, float Y) from, (float X, float Y) to)
    {
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private sealed class Point
    {
        public float X { get; set; }
        public float Y { get; set; }
    }

    /// <summary>The middle of the edge drawn from one port to another, in page coordinates.</summary>
    private static async Task<Point> EdgeMidpointAsync(IPage page, (float X, float Y) from, (float X, float Y) to)
    {
        var point = await page.Locator("g.x6-edge").EvaluateAllAsync<Point?>(
            """
            (edges, { fx, fy, tx, ty }) => {
              for (const e of edges) {
                const p = e.querySelector('path'); const m = p.getScreenCTM(); const len = p.getTotalLength();
                const at = t => { const q = p.getPointAtLength(t); return { x: q.x * m.a + q.y * m.c + m.e,
                  y: q.x * m.b + q.y * m.d + m.f }; };
                const s = at(0), t = at(len);
                if (Math.hypot(s.x - fx, s.y - fy) < 12 && Math.hypot(t.x - tx, t.y - ty) < 12) { const mid = at(len / 2); return {
                  x: mid.x, y: mid.y }; }
              }
              return null;
            }
            """, new { fx = (double)from.X, fy = (double)from.Y, tx = (double)to.X, ty = (double)to.Y });
        return point ?? throw new InvalidOperationException("No edge runs between the two ports.");
    }

    /// <summary>The studio's toolbar buttons carry only icons: find one by the tooltip it shows.</summary>
    private static async Task<ILocator> ToolbarButtonAsync(IPage page, string tooltip)
    {
        var buttons = page.Locator("button").Filter(new() { Has = page.Locator("svg") });
        for (var i = 0; i < await buttons.CountAsync(); i++)
        {
            var button = buttons.Nth(i);
            if (!await button.IsVisibleAsync()) continue;
            await button.HoverAsync();
            if (await page.Locator(".mud-popover-open").Filter(new() { HasText = tooltip }).CountAsync() > 0) return button;
        }
        throw new InvalidOperationException($"The studio shows no button '{tooltip}'.");
    }
}
