using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Extensions;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Engine.Tests.Support;

/// <summary>
/// A whole engine on a real SQLite file in a temporary folder, with a fake clock and capturing
/// collaborators. <see cref="RestartAsync"/> throws the process state away and builds a fresh engine on the same file.
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly Action<ActivityRegistry>? _activities;
    private ServiceProvider _services;

    private readonly string _connectionString;

    private TestEngine(string folder, Action<ActivityRegistry>? activities, string? connectionString)
    {
        Folder = folder;
        _activities = activities;
        _connectionString = connectionString ?? $"Data Source={Path.Combine(folder, "engine.db")}";
        _services = Build();
    }

    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "engine.db");
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    public CapturingTextWriter Output { get; } = new();
    public RecordingOutboxDispatcher Outbox { get; } = new();

    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public WorkflowDefinitionStore Definitions => _services.GetRequiredService<WorkflowDefinitionStore>();

    /// <param name="connectionString">A PostgreSQL database to use instead of a fresh SQLite file.</param>
    public static async Task<TestEngine> CreateAsync(Action<ActivityRegistry>? activities = null, string? connectionString = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvals-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var engine = new TestEngine(folder, activities, connectionString);
        await engine._services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return engine;
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWorkflowTextWriter>(Output);
        services.AddSingleton<IOutboxDispatcher>(Outbox);
        services.AddWorkflowEngine(o =>
        {
            o.ConnectionString = _connectionString;
            o.TimerPollingInterval = TimeSpan.Zero;
            o.ConcurrencyRetries = 100;
        }, _activities);
        return services.BuildServiceProvider();
    }

    /// <summary>A second engine on the same database file, as another host process would be: its own caches and locks.</summary>
    public WorkflowRuntime CreatePeerRuntime()
    {
        var peer = Build();
        _peers.Add(peer);
        return peer.GetRequiredService<WorkflowRuntime>();
    }

    private readonly List<ServiceProvider> _peers = [];

    /// <summary>Drops every in-process object (caches, compiled workflows) and starts over from the database file.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    public async Task<string> PublishAsync(string json)
    {
        var record = await Definitions.ImportAsync(json, publish: true);
        return record.DefinitionId;
    }

    public WorkflowDbContext Db() => _services.GetRequiredService<WorkflowDbContextFactory>().Create();

    public async Task<List<T>> QueryAsync<T>(Func<WorkflowDbContext, IQueryable<T>> query)
    {
        await using var db = Db();
        return await query(db).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers) await peer.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
