using Approvals.Engine.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Persistence;

/// <summary>Creates the provider's <see cref="WorkflowDbContext"/>; options are built once.</summary>
public sealed class WorkflowDbContextFactory
{
    private readonly Func<WorkflowDbContext> _create;

    public WorkflowDbContextFactory(IOptions<EngineOptions> options)
    {
        var engine = options.Value;
        Provider = engine.ResolvedProvider;
        ConnectionString = Provider == DatabaseProvider.PostgreSql ? engine.ConnectionString : SqliteConnectionString(engine.ConnectionString);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var o = new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql(ConnectionString).Options;
            _create = () => new PostgresWorkflowDbContext(o);
        }
        else
        {
            var o = new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite(ConnectionString).Options;
            _create = () => new SqliteWorkflowDbContext(o);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string in use (for SQLite, with the busy timeout applied).</summary>
    public string ConnectionString { get; }

    public WorkflowDbContext Create() => _create();

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
