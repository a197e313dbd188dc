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
    public sealed record Figures(double MedianMs, double P95Ms, double PerSecond);

    public static async Task<Figures> MeasureAsync(string folder, int decisions)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IWorkflowTextWriter, SilentWriter>()
            .AddSingleton<IUserDirectory, BenchDirectory>()
            .AddApprovals(o => { o.ConnectionString = $"Data Source={Path.Combine(folder, "approvals.db")}"; o.TimerPollingInterval = TimeSpan.Zero; })
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
            return await db.Tasks.AsNoTracking().Where(t => t.ActivityId == "first" && t.Status == HumanTaskStatus.Open && instances.Contains(t.WorkflowInstanceId))
                .Select(t => t.Id).ToListAsync();
        }

        foreach (var id in await OpenAsync(300)) await tasks.DecideAsync(id, "reviewer", "Approved", null, id);
        var ids = await OpenAsync(decisions);
        var latencies = new List<double>(ids.Count);
        var total = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var one = Stopwatch.StartNew();
            await tasks.DecideAsync(id, "reviewer", "Approved", "同意", id);
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        latencies.Sort();
        return new Figures(latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.95)], ids.Count / total.Elapsed.TotalSeconds);
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
        ["roles"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = $"[\"{role}\"]" } },
        ["dueIn"] = Literal("3"),
        ["reminderInterval"] = Literal("1"),
    };

    private static JsonObject Literal(string value) => new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
