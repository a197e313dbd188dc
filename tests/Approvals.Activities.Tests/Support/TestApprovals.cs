using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Calendar;
using Approvals.Activities.Contracts;
using Approvals.Activities.Extensions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Proxies;
using Approvals.Activities.Requests;
using Approvals.Activities.Seeding;
using Approvals.Activities.Tasks;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Activities.Tests.Support;

/// <summary>The approval domain on a real SQLite file, with the shipped workflows published, the 2026 calendar and a fake clock.</summary>
public sealed class TestApprovals : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestApprovals(string folder)
    {
        Folder = folder;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IUserDirectory>(Directory);
        services.AddApprovals(o =>
        {
            o.ConnectionString = $"Data Source={Path.Combine(folder, "approvals.db")}";
            o.TimerPollingInterval = TimeSpan.Zero;
        });
        _services = services.BuildServiceProvider();
    }

    public string Folder { get; }

    /// <summary>Monday 2 March 2026, 16:00 in Beijing.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public TestDirectory Directory { get; } = new();
    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public RequestService Requests => _services.GetRequiredService<RequestService>();
    public TaskService Tasks => _services.GetRequiredService<TaskService>();
    public ProxyService Proxies => _services.GetRequiredService<ProxyService>();

    public static async Task<TestApprovals> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvals-domain-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var approvals = new TestApprovals(folder);
        await approvals._services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await approvals._services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();
        var seeder = approvals._services.GetRequiredService<WorkflowSeeder>();
        await seeder.SeedCalendarAsync(ChinaPublicHolidays.Year2026);
        var seeded = await seeder.SeedWorkflowsAsync(Path.Combine(AppContext.BaseDirectory, "workflows"));
        Assert.Equal(3, seeded.Count);
        return approvals;
    }

    public ApprovalsDbContext Db() => _services.GetRequiredService<ApprovalsDbContextFactory>().Create();

    public async Task<List<T>> QueryAsync<T>(Func<ApprovalsDbContext, IQueryable<T>> query)
    {
        await using var db = Db();
        return await query(db).ToListAsync();
    }

    public async Task<List<T>> EngineQueryAsync<T>(Func<WorkflowDbContext, IQueryable<T>> query)
    {
        await using var db = _services.GetRequiredService<WorkflowDbContextFactory>().Create();
        return await query(db).ToListAsync();
    }

    public Task<Request> RequestAsync(string id) => Requests.GetAsync(id);

    /// <summary>The open (or claimed) tasks of a request.</summary>
    public Task<List<HumanTask>> OpenTasksAsync(string requestId) =>
        QueryAsync(db => db.Tasks.Where(t => t.RequestId == requestId
            && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed)).OrderBy(t => t.CreatedAt)
                .ThenBy(t => t.AssigneeId));

    /// <summary>The single open task of a request at a stage (activity id).</summary>
    public async Task<HumanTask> TaskAtAsync(string requestId, string activityId)
    {
        var open = await OpenTasksAsync(requestId);
        var at = open.Where(t => t.ActivityId == activityId).ToList();
        Assert.True(at.Count == 1, $"expected one open task at '{activityId}', found {at.Count}; open: " +
            $"{string.Join(", ", open.Select(t => t.ActivityId))}");
        return at[0];
    }

    /// <summary>Decides the open task at a stage as <paramref name="userId"/>.</summary>
    public async Task<TaskDecisionResult> DecideAsync(string requestId, string activityId, string userId, string outcome,
        string? comment = null, JsonObject? payload = null)
    {
        var task = await TaskAtAsync(requestId, activityId);
        return await Tasks.DecideAsync(task.Id, userId, outcome, comment, Guid.NewGuid().ToString("N"), payload);
    }

    public async Task<List<AuditEntry>> AuditOfAsync(string requestId) =>
        await QueryAsync(db => db.AuditEntries.Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence));

    /// <summary>Notifications written to the outbox: (template, recipient emails).</summary>
    public async Task<List<(string Template, List<string> To, JsonObject Body)>> NotificationsAsync(string? requestId = null)
    {
        var rows = await EngineQueryAsync(db => db.Outbox.Where(m => m.Kind == "notification").OrderBy(m => m.Id));
        return rows.Where(r => requestId is null || r.Body["requestId"]?.GetValue<string>() == requestId)
            .Select(r => (r.Body["template"]!.GetValue<string>(),
                r.Body["recipients"]!.AsArray().Select(x => x!["email"]!.GetValue<string>()).ToList(), r.Body))
            .ToList();
    }

    /// <summary>Moves the clock and resumes the timers that fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        while (await Runtime.ResumeDueTimersAsync() > 0) { }
    }

    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow()) Clock.SetUtcNow(at);
        while (await Runtime.ResumeDueTimersAsync() > 0) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
