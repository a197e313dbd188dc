using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.LoadDriver;
using Microsoft.Playwright;

// Page timings in the system Chromium against the Release host (started here on 127.0.0.1 with the demo users): how long each
// page takes from navigation until a person can use it (our pages: the live circuit; the studio: the flow drawn). The first
// run starts with an empty browser cache, the others reuse it.
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
var chromiumPath = Environment.GetEnvironmentVariable("APPROVALS_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
var repository = FindRepository();
Console.WriteLine($"Building the Release host in {repository} …");
await HostProcess.BuildReleaseAsync(repository);
var data = Directory.CreateTempSubdirectory("approvals-page-timings").FullName;
using var host = await HostProcess.StartAsync(repository, data, postgres: null, environment: "Development");
var (requestId, taskId, instanceId) = await FileRequestAsync(host.BaseAddress);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(),
    ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
context.SetDefaultTimeout(120_000);
var page = await context.NewPageAsync();
await page.GotoAsync("/signin");
await page.Locator("#userName").FillAsync("sister-city-division");
await page.Locator("#password").FillAsync("Approvals#2026");
await page.Keyboard.PressAsync("Enter");
await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));

Task Live(IPage p) => p.Locator("body[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
var pages = new (string Name, string Path, Func<IPage, Task> Ready)[]
{
    ("inbox", "/inbox", Live),
    ("task", $"/tasks/{taskId}", Live),
    ("request", $"/requests/{requestId}", Live),
    ("new request form", "/requests/new?type=courtesy", Live),
    ("statistics", "/statistics", Live),
    ("studio editor (flow drawn)", "/studio?definition=sister-city-establishment",
        p => p.Locator("g.x6-node[data-cell-id=leadership]").WaitForAsync(new() { State = WaitForSelectorState.Attached })),
    ("studio instance viewer", $"/studio?instance={instanceId}", p => p.GetByText("WorkflowStarted").First.WaitForAsync()),
};
var times = pages.ToDictionary(x => x.Name, _ => new List<double>());
for (var run = 0; run < runs; run++)
    foreach (var (name, path, ready) in pages)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path);
        await ready(page);
        times[name].Add(clock.Elapsed.TotalMilliseconds);
    }

Console.WriteLine($"\nPage timings, Release host on 127.0.0.1, system Chromium, {runs} runs (first with an empty cache), " +
    $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"{"page",-30} {"first ms",9} {"min ms",8} {"median ms",10} {"max ms",8}");
foreach (var (name, list) in times)
{
    var warm = list.Skip(1).Order().ToList();
    if (warm.Count == 0) warm = list;
    Console.WriteLine($"{name,-30} {list[0],9:0} {warm.Min(),8:0} {warm[warm.Count / 2],10:0} {warm.Max(),8:0}");
}
try { Directory.Delete(data, true); } catch (IOException) { }
return 0;

static async Task<(string RequestId, string TaskId, string InstanceId)> FileRequestAsync(Uri baseAddress)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    async Task<HttpClient> AsAsync(string user)
    {
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Approvals#2026" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
    using var applicant = await AsAsync("applicant");
    var filed = (await (await applicant.PostAsJsonAsync("/api/requests", new
    {
        type = "sister-city",
        data = new JsonObject
        {
            ["proposingUnit"] = "吴江区外办", ["foreignCity"] = "Nowy Sącz", ["country"] = "PL", ["relationshipType"] = "sister-city",
            ["rationale"] = "双方在旅游和教育方面合作良好。", ["plannedSigningDate"] = "2026-09-10",
        },
    })).Content.ReadFromJsonAsync<JsonObject>())!;
    using var division = await AsAsync("sister-city-division");
    var task = (await division.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First()!;
    return (filed["id"]!.GetValue<string>(), task["id"]!.GetValue<string>(), filed["instanceId"]!.GetValue<string>());
}

static string FindRepository()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Approvals.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
