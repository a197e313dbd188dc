using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approvals.Activities.Persistence;

/// <summary>Creates the domain's context on its own connection, or on the engine's connection inside a burst's transaction.</summary>
public sealed class ApprovalsDbContextFactory
{
    private readonly WorkflowDbContextFactory _engine;
    private readonly Func<ApprovalsDbContext> _standalone;
    private IModel? _model;

    // Contexts without a connection of their own, pooled: a commit only attaches the engine's open connection (a hot path).
    private readonly Func<ApprovalsDbContext> _enlisted;

    public ApprovalsDbContextFactory(WorkflowDbContextFactory engine)
    {
        _engine = engine;
        _standalone = Provider == DatabaseProvider.PostgreSql
            ? PostgresApprovalsContexts.Standalone(engine.ConnectionString)
            : new PooledDbContextFactory<SqliteApprovalsDbContext>(new DbContextOptionsBuilder<SqliteApprovalsDbContext>()
                .UseSqlite(engine.ConnectionString, SqliteHistory).LeftToTheTests().Options).CreateDbContext;
        _enlisted = Provider == DatabaseProvider.PostgreSql
            ? PostgresApprovalsContexts.Enlisted()
            : new PooledDbContextFactory<SqliteApprovalsDbContext>(
                new DbContextOptionsBuilder<SqliteApprovalsDbContext>().UseSqlite(SqliteHistory).Options).CreateDbContext;
    }

    public DatabaseProvider Provider => _engine.Provider;

    public ApprovalsDbContext Create() => _standalone();

    /// <summary>On SQLite, the engine's kept read connections (null on PostgreSQL): see <see cref="RowReader"/>.</summary>
    public RowReader? Reads => _engine.Reads;

    /// <summary>The model of this provider's domain contexts (what <see cref="RowShape{T}"/> reads rows by).</summary>
    public IModel Model => _model ??= ModelOf();

    private IModel ModelOf()
    {
        using var db = Create();
        return db.Model;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of the engine's <see cref="GroupCommit"/> (on SQLite, committed together
    /// with the other writes waiting then) and returns its value once committed. The write runs on a context enlisted in that
    /// transaction and uses the token it is given.
    /// </summary>
    public Task<T> RunAsync<T>(Func<ApprovalsDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        _engine.GroupCommit.RunAsync(async (engineDb, token) =>
        {
            await using var db = await EnlistAsync(engineDb, token);
            return await write(db, token);
        }, cancellationToken);

    /// <summary>A context that writes through the engine's open connection and transaction.</summary>
    public async Task<ApprovalsDbContext> EnlistAsync(WorkflowDbContext engineDb, CancellationToken cancellationToken)
    {
        var connection = engineDb.Database.GetDbConnection();
        var transaction = engineDb.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The engine's commit has no open transaction.");
        var db = _enlisted();
        db.Database.SetDbConnection(connection);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }

    private static void SqliteHistory(SqliteDbContextOptionsBuilder b) =>
        b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
}
