using Approvals.Engine.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Persistence;

/// <summary>
/// Creates the provider's <see cref="WorkflowDbContext"/> from a pool (a context is costly to set up, and a decision uses several).
/// </summary>
public sealed class WorkflowDbContextFactory : IDisposable
{
    private readonly Func<WorkflowDbContext> _create;
    private readonly Func<WorkflowDbContext>? _onWriter;
    private SqliteConnection? _writer;
    private IModel? _model;

    public WorkflowDbContextFactory(IOptions<EngineOptions> options)
    {
        var engine = options.Value;
        Provider = engine.ResolvedProvider;
        ConnectionString = Provider == DatabaseProvider.PostgreSql ? engine.ConnectionString
            : SqliteConnectionString(engine.ConnectionString);
        GroupCommit = new GroupCommit(this);
        if (Provider == DatabaseProvider.PostgreSql) _create = PostgresContexts.Pool(ConnectionString);
        else
        {
            var pool = new PooledDbContextFactory<SqliteWorkflowDbContext>(
                new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite(ConnectionString).LeftToTheTests().Options);
            _create = pool.CreateDbContext;
            // Contexts without a connection of their own: each is handed the writer's connection.
            _onWriter = new PooledDbContextFactory<SqliteWorkflowDbContext>(
                new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite().Options).CreateDbContext;
            Reads = new RowReader(ConnectionString);
        }
    }

    /// <summary>
    /// On SQLite, a context on the one connection this host commits through. It stays open, so the statements prepared on
    /// it stay prepared (preparing them anew was a tenth of a decision's CPU). Only <see cref="GroupCommit"/> writes
    /// through it; after a failed commit call <see cref="ReopenWriter"/>.
    /// </summary>
    public WorkflowDbContext CreateOnWriter()
    {
        if (_onWriter is null) throw new InvalidOperationException("Only SQLite commits through one writer connection.");
        if (_writer is null)
        {
            var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                // A group's savepoints journal the pages each burst changes: in memory, not in a temporary file. A decision
                // changed ~75 pages, so at SQLite's default of 1,000 every 13th commit copied the log back into the file
                // (p95 3.1 ms); at 10,000 (a log of up to 40 MB) pages changed again and again are copied once (p95 1.2 ms).
                pragmas.CommandText = "PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000;";
                pragmas.ExecuteNonQuery();
            }
            RowWriter.KeepPrepared(connection);
            _writer = connection;
        }
        var db = _onWriter();
        db.Database.SetDbConnection(_writer);
        return db;
    }

    /// <summary>Drops the writer connection (its state is unknown after a failure); the next commit opens a new one.</summary>
    public void ReopenWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    public void Dispose()
    {
        GroupCommit.Dispose();
        ReopenWriter();
        Reads?.Dispose();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where this host's write transactions go (committed together on SQLite, each on its own on PostgreSQL).</summary>
    public GroupCommit GroupCommit { get; }

    /// <summary>The connection string in use (for SQLite, with the busy timeout applied).</summary>
    public string ConnectionString { get; }

    public WorkflowDbContext Create() => _create();

    /// <summary>On SQLite, the kept connections a decision's reads go through (null on PostgreSQL, which reads through EF Core).</summary>
    public RowReader? Reads { get; }

    /// <summary>The model of this provider's contexts (what <see cref="RowShape{T}"/> reads rows by).</summary>
    public IModel Model => _model ??= ModelOf();

    private IModel ModelOf()
    {
        using var db = Create();
        return db.Model;
    }

    /// <summary>Waits for a busy database rather than failing, and makes sure the folder of the file exists.</summary>
    private static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        return builder.ToString();
    }
}
