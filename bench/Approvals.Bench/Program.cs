using System.Diagnostics;
using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Extensions;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// Figures, no assertions, in one run on one machine: the in-memory executor on a 10-step flow beside WorkflowCore 3.22
// on the same flow; a durable resume and a durable approval decision (next stage, task, audit, mail, timers in one
// commit) on a SQLite file (WAL, full sync) against the raw commit rate of the same disk; latency as instances grow;
// a reviewer's inbox with 100,000 open tasks; mail to the pickup folder; the expressions a decision evaluates. `--quick` uses
// smaller counts; `--inbox-only`, `--decisions-only`, `--mail-only` and `--expressions-only` run one part.
using Approvals.Bench;

var quick = args.Contains("--quick");
if (args.Contains("--inbox-only"))
{
    // `--folder DIR` keeps the filled database there, and a second run reads it again without filling it.
    var only = args.SkipWhile(a => a != "--folder").Skip(1).FirstOrDefault()
        ?? Path.Combine(Path.GetTempPath(), "approvals-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(only);
    await InboxFigures.MeasureAsync(only, quick ? 10_000 : 100_000, quick ? 200 : 1_000);
    return;
}
if (args.Contains("--mail-only"))
{
    var mail = Path.Combine(Path.GetTempPath(), "approvals-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(mail);
    await PickupFigures.MeasureAsync(mail, quick ? 500 : 3_000);
    Directory.Delete(mail, recursive: true);
    return;
}
if (args.Contains("--expressions-only"))
{
    await using var engine = new ServiceCollection().AddLogging().AddWorkflowEngine(o => o.ConnectionString = "Data Source=:memory:")
        .BuildServiceProvider();
    await ExpressionFigures.MeasureAsync(engine.GetRequiredService<ExpressionEvaluator>(), quick ? 2_000 : 20_000);
    return;
}
if (args.Contains("--decisions-only"))
{
    // For profiling the decision path alone.
    var only = Path.Combine(Path.GetTempPath(), "approvals-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(only);
    var callers = args.SkipWhile(a => a != "--callers").Skip(1).Select(int.Parse).FirstOrDefault(1);
    var figures = await ApprovalDecisions.MeasureAsync(only, 5_000, callers);
    Console.WriteLine($"approval decision, {callers} caller(s): median {figures.MedianMs:F2} ms, p95 {figures.P95Ms:F2} ms, " +
        $"{figures.PerSecond:F0} per second, {figures.PagesPerDecision:F1} pages written per decision");
    return;
}
Console.WriteLine($"Approvals engine figures — {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}");
var folder = Path.Combine(Path.GetTempPath(), "approvals-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var services = new ServiceCollection().AddLogging()
    .AddSingleton<IWorkflowTextWriter, SilentWriter>()
    .AddWorkflowEngine(o => { o.ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}"; o.TimerPollingInterval =
        TimeSpan.Zero; })
    .BuildServiceProvider();
await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
var store = services.GetRequiredService<WorkflowDefinitionStore>();
var runtime = services.GetRequiredService<WorkflowRuntime>();
var executor = services.GetRequiredService<WorkflowExecutor>();

// 1. Ten steps in memory.
var steps = new JsonArray();
var connections = new JsonArray();
for (var i = 0; i < 10; i++)
{
    steps.Add(new JsonObject { ["id"] = $"s{i}", ["type"] = "Elsa.WriteLine", ["text"] = Literal($"step {i}") });
    if (i > 0) connections.Add(Connection($"s{i - 1}", $"s{i}"));
}
var tenSteps = await store.ImportAsync(Definition("ten-steps", steps, connections), publish: true);
var compiled = store.Compile(tenSteps);
for (var i = 0; i < 2_000; i++) await RunInMemoryAsync();
var runs = quick ? 5_000 : 20_000;
var watch = Stopwatch.StartNew();
for (var i = 0; i < runs; i++) await RunInMemoryAsync();
watch.Stop();
var ours = watch.Elapsed.TotalMicroseconds / runs;
var workflowCore = await WorkflowCoreFlows.TenStepsAsync(runs);
Console.WriteLine($"10-step flow in memory: {ours:F1} µs per run; WorkflowCore 3.22 (in-memory persistence, same steps): " +
    $"{workflowCore:F1} µs per run " +
    $"({workflowCore / ours:F1}× ours; {runs:N0} runs each)");

// 2. Durable resume: an instance waits on an event; each resume is one committed burst.
var waiting = await store.ImportAsync(Definition("wait-resume", [
    new JsonObject { ["id"] = "wait", ["type"] = "Elsa.Event", ["eventName"] = Literal("go") },
    new JsonObject { ["id"] = "done", ["type"] = "Elsa.WriteLine", ["text"] = Literal("done") },
], [Connection("wait", "done")]), publish: true);
await MeasureResumesAsync("with 1,000 instances", 1_000, 500);
if (!quick) await MeasureResumesAsync("with 10,000 instances", 10_000, 500);

// 3. One approval decision, durable, with everything it writes: one reviewer after another, then 16 at once.
var decision = await ApprovalDecisions.MeasureAsync(folder, quick ? 300 : 2_000);
Console.WriteLine("approval decision → next stage (task, audit, mail rows, due and reminder timers in one commit), one caller: median " +
    $"{decision.MedianMs:F2} ms, " +
    $"p95 {decision.P95Ms:F2} ms, {decision.PerSecond:F0} decisions per second, {decision.PagesPerDecision:F1} pages written per decision");
var together = await ApprovalDecisions.MeasureAsync(folder, quick ? 600 : 4_000, callers: 16);
Console.WriteLine($"approval decisions, 16 callers at once (bursts share commits): median {together.MedianMs:F2} ms, p95 " +
    $"{together.P95Ms:F2} ms, " +
    $"{together.PerSecond:F0} decisions per second, {together.PagesPerDecision:F1} pages written per decision");

// 4. The raw commit rate of the same disk, as the issue measured it: WAL, synchronous=FULL, 6 rows in 4 indexed tables per commit.
var rawRate = await RawCommits.PerSecondAsync(Path.Combine(folder, "raw.db"), quick ? 500 : 2_000);
Console.WriteLine($"raw SQLite commits on this disk (6 rows in 4 tables each): {rawRate:F0} per second; decisions run at " +
    $"{decision.PerSecond / rawRate * 100:F0} % " +
    $"of that with one caller, {together.PerSecond / rawRate * 100:F0} % with 16");

// 5. The inbox in SQL.
await InboxFigures.MeasureAsync(folder, quick ? 10_000 : 100_000, quick ? 200 : 1_000);

// 6. Mail to the pickup folder (the default with no SMTP server): two messages per decision.
await PickupFigures.MeasureAsync(folder, quick ? 500 : 3_000);

// 7. The expressions a decision evaluates.
await ExpressionFigures.MeasureAsync(services.GetRequiredService<ExpressionEvaluator>(), quick ? 2_000 : 20_000);

await services.DisposeAsync();
SqliteConnection.ClearAllPools();
Directory.Delete(folder, true);
return;

async Task RunInMemoryAsync()
{
    var state = WorkflowExecutor.NewState(compiled, Guid.NewGuid().ToString("N"), null, null, DateTimeOffset.UtcNow);
    await executor.RunAsync(compiled, state, new ExecutionStimulus.Start());
}

async Task MeasureResumesAsync(string label, int instances, int resumes)
{
    await using (var db = services.GetRequiredService<WorkflowDbContextFactory>().Create())
    {
        var existing = db.Instances.Count(i => i.DefinitionId == "wait-resume");
        for (var i = existing; i < instances; i++) await runtime.StartAsync("wait-resume");
    }
    var bookmarks = new List<string>();
    for (var i = 0; i < resumes; i++) bookmarks.Add((await runtime.StartAsync("wait-resume")).Bookmarks[0].Id);
    var latencies = new List<double>(resumes);
    var total = Stopwatch.StartNew();
    foreach (var id in bookmarks)
    {
        var one = Stopwatch.StartNew();
        await runtime.ResumeAsync(id);
        latencies.Add(one.Elapsed.TotalMilliseconds);
    }
    total.Stop();
    latencies.Sort();
    Console.WriteLine($"durable resume {label}: median {latencies[latencies.Count / 2]:F2} ms, p95 " +
        $"{latencies[(int)(latencies.Count * 0.95)]:F2} ms, {resumes / total.Elapsed.TotalSeconds:F0} resumes per second");
}

static JsonObject Literal(string value) =>
    new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

static JsonObject Connection(string source, string target) => new()
{
    ["source"] = new JsonObject { ["activity"] = source, ["port"] = "Done" },
    ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
};

static string Definition(string id, JsonArray activities, JsonArray connections) => new JsonObject
{
    ["definitionId"] = id, ["name"] = id,
    ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities,
        ["connections"] = connections },
}.ToJsonString();

internal sealed class SilentWriter : IWorkflowTextWriter
{
    public void WriteLine(string workflowInstanceId, string text) { }
}
