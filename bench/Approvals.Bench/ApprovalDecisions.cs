using System.Diagnostics;
using System.Text.Json.Nodes;
using Approvals.Activities.Contracts;
using Approvals.Activities.Extensions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Seeding;
using Approvals.Activities.Tasks;
using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Bench;

/// <summary>
/// One approval decision made durable: the reviewer approves stage one, and in one commit the task closes, the next
/// stage's task opens with its due date and reminder timer, the audit entry and the mail rows are written.
/// </summary>
internal static class ApprovalDecisions
{
    /// <param name="PagesPerDecision">Database pages the commits wrote to the log, per decision (what the fsyncs carry).</param>
    public sealed record Figures(double MedianMs, double P95Ms, double PerSecond, double PagesPerDecision);

    /// <summary>
    /// One reviewer deciding one task after another (<paramref name="callers"/> = 1), or that many deciding at once, as
    /// a host's requests do (their bursts then share commits).
    /// </summary>
    public static async Task<Figures> MeasureAsync(string folder, int decisions, int callers = 1)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IWorkflowTextWriter, SilentWriter>()
            .AddSingleton<IUserDirectory, BenchDirectory>()
            .AddApprovals(o => { o.ConnectionString =
                $"Data Source={Path.Combine(folder, $"approvals-{callers}.db")}"; o.TimerPollingInterval = TimeSpan.Zero; })
            .BuildServiceProvider();
        await using var _ = services;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<WorkflowSeeder>().SeedCalendarAsync(Activities.Calendar.ChinaPublicHolidays.Year2026);
        await services.GetRequiredService<WorkflowDefinitionStore>().ImportAsync(TwoStages(), publish: true);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var tasks = services.GetRequiredService<TaskService>();
        var factory = services.GetRequiredService<ApprovalsDbContextFactory>();

        async Task<List<string>> OpenAsync(int count)
        {
            var instances = new List<string>();
            for (var i = 0; i < count; i++) instances.Add((await runtime.StartAsync("two-stages")).InstanceId);
            await using var db = factory.Create();
            return await db.Tasks.AsNoTracking().Where(t => t.ActivityId == "first" && t.Status == HumanTaskStatus.Open
                && instances.Contains(t.WorkflowInstanceId))
                .Select(t => t.Id).ToListAsync();
        }

        // Warm up as measured (the JIT's second tier and the caches settle), then measure.
        await DecideAllAsync(await OpenAsync(Math.Max(1_000, decisions / 2)));
        var open = await OpenAsync(decisions);
        var pagesBefore = PagesWritten();
        var latencies = await DecideAllAsync(open);
        var pages = PagesWritten() - pagesBefore;
        var sorted = latencies.Milliseconds.Order().ToList();
        return new Figures(sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted.Count / latencies.Elapsed.TotalSeconds,
            pages / (double)sorted.Count);

        // SQLite counts the pages a connection wrote at its commits; every burst commits through the writer connection.
        long PagesWritten()
        {
            using var db = services.GetRequiredService<WorkflowDbContextFactory>().CreateOnWriter();
            var handle = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).Handle;
            SQLitePCL.raw.sqlite3_db_status(handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pages, out var highest, 0);
            return pages;
        }

        async Task<(List<double> Milliseconds, TimeSpan Elapsed)> DecideAllAsync(IEnumerable<string> ids)
        {
            var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(ids);
            var taken = new System.Collections.Concurrent.ConcurrentBag<double>();
            var total = Stopwatch.StartNew();
            // The title index takes in the opened and closed tasks every second, as the host's background loop does.
            using var done = new CancellationTokenSource();
            var titles = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                while (await timer.WaitForNextTickAsync(done.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result))
                    await services.GetRequiredService<TitleIndex>().CatchUpAsync();
            });
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var id))
                {
                    var one = Stopwatch.StartNew();
                    await tasks.DecideAsync(id, "reviewer", "Approved", "同意", id);
                    taken.Add(one.Elapsed.TotalMilliseconds);
                }
            })));
            var elapsed = total.Elapsed;
            await done.CancelAsync();
            await titles;
            return ([.. taken], elapsed);
        }
    }

    private static string TwoStages() => new JsonObject
    {
        ["definitionId"] = "two-stages", ["name"] = "two-stages",
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(Stage("first", "protocol-division"), Stage("second", "fao-director")),
            ["connections"] = new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "first", ["port"] = "Approved" },
                ["target"] = new JsonObject { ["activity"] = "second", ["port"] = "In" },
            }),
        },
    }.ToJsonString();

    private static JsonObject Stage(string id, string role) => new()
    {
        ["id"] = id, ["type"] = "Approvals.Review", ["name"] = id,
        ["title"] = Literal("审批 " + id),
        ["roles"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object",
            ["value"] = $"[\"{role}\"]" } },
        ["dueIn"] = Literal("3"),
        ["reminderInterval"] = Literal("1"),
    };

    private static JsonObject Literal(string value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
