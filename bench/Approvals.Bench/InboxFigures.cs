using System.Diagnostics;
using Approvals.Activities.Contracts;
using Approvals.Activities.Extensions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Contracts;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Bench;

/// <summary>A reviewer's inbox with many open tasks offered to their role: a page, a filtered page, a search and the tab counts.</summary>
internal static class InboxFigures
{
    public static async Task MeasureAsync(string folder, int openTasks, int reads)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IWorkflowTextWriter, SilentWriter>()
            .AddSingleton<IUserDirectory, BenchDirectory>()
            .AddApprovals(o =>
            {
                o.ConnectionString = $"Data Source={Path.Combine(folder, "inbox.db")}";
                o.TimerPollingInterval = TimeSpan.Zero;
            })
            .BuildServiceProvider();
        await using var _ = services;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();
        var factory = services.GetRequiredService<ApprovalsDbContextFactory>();
        await using (var db = factory.Create())
            if (!await db.Tasks.AnyAsync()) await FillAsync(factory, openTasks);
        // As the host's background loop does, a second after the tasks were filed.
        await services.GetRequiredService<TitleIndex>().CatchUpAsync();
        var inbox = services.GetRequiredService<Inbox>();

        await MeasureAsync($"inbox first page of {openTasks:N0} open tasks", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.Candidate }));
        await MeasureAsync("inbox page 40, newest first", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.Candidate, Sort = InboxSort.Newest, Page = 40 }));
        await MeasureAsync("inbox overdue of one request type", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, Overdue = true, RequestType = "courtesy" }));
        await MeasureAsync("inbox search by request number", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, Search = "CR-2026-004710" }));
        await MeasureAsync("inbox search for words of the titles", Math.Max(20, reads / 10),
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, Search = "代表团 4711" }));
        await MeasureAsync("inbox tab counts", reads, () => inbox.CountAsync("reviewer"));
        // A page and the count of the tasks of one unit's requests, and of one stage.
        await MeasureAsync("inbox of one unit", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, UnitId = "wujiang-fao" }));
        await MeasureAsync("inbox of a unit with no open tasks", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, UnitId = "tourism-bureau" }));
        await MeasureAsync("inbox of one stage", reads,
            () => inbox.QueryAsync("reviewer", new InboxQuery { Scope = InboxScope.All, Stage = "protocol" }));
    }

    private static async Task MeasureAsync<T>(string label, int reads, Func<Task<T>> read)
    {
        for (var i = 0; i < 20; i++) await read();
        var latencies = new List<double>(reads);
        for (var i = 0; i < reads; i++)
        {
            var one = Stopwatch.StartNew();
            await read();
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine($"{label}: p50 {latencies[reads / 2]:F2} ms, p99 {latencies[(int)(reads * 0.99)]:F2} ms");
    }

    /// <summary>Open tasks as a busy office would have them: a tenth overdue, due dates spread over weeks, three request types.</summary>
    private static async Task FillAsync(ApprovalsDbContextFactory factory, int count)
    {
        var start = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);
        string[] types = ["courtesy", "sister-city", "outbound-travel"];
        for (var from = 0; from < count; from += 5_000)
        {
            await using var db = factory.Create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = from; i < Math.Min(count, from + 5_000); i++)
            {
                var id = $"t{i:D7}";
                var type = types[i % types.Length];
                var unit = i % 2 == 0 ? "wujiang-fao" : "education-bureau";
                db.Requests.Add(new Request
                {
                    Id = $"r{i:D7}", Number = $"{(type == "courtesy" ? "CR" : "RQ")}-2026-{i:D6}", Type = type, DefinitionId = type,
                    UnitId = unit,
                    ApplicantId = "applicant", Title = $"请示 {i}", Data = [], WorkflowInstanceId = $"w{i:D7}",
                    CreatedAt = start.AddMinutes(i), UpdatedAt = start.AddMinutes(i),
                });
                var task = new HumanTask
                {
                    Id = id, WorkflowInstanceId = $"w{i:D7}", DefinitionId = type, ActivityId = "protocol",
                    ActivityExecutionId = $"e{i:D7}", BookmarkId = $"b{i:D7}",
                    RequestId = $"r{i:D7}", RequestType = type, RequestUnitId = unit,
                    Kind = "review", Title = $"礼宾处审核：代表团 {i}", CandidateRoles = ["protocol-division"], Outcomes = ["Approved", "Rejected"],
                    CreatedAt = start.AddMinutes(i), DueAt = start.AddMinutes(i).AddDays(3 + i % 40), IsOverdue = i % 10 == 0,
                };
                db.Tasks.Add(task);
                db.TaskCandidates.Add(TaskCandidate.For(task, "protocol-division", null));
            }
            await db.SaveChangesAsync();
        }
    }
}
