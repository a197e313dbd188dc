using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approvals.Activities.Persistence;

/// <summary>Creates the domain's context on its own connection, or on the engine's connection inside a burst's transaction.</summary>
public sealed class ApprovalsDbContextFactory
{
    private readonly WorkflowDbContextFactory _engine;
    private readonly Func<ApprovalsDbContext> _standalone;

    // Options without a connection, built once: a commit only attaches the engine's open connection (a hot path).
    private readonly DbContextOptions _enlisted;

    public ApprovalsDbContextFactory(WorkflowDbContextFactory engine)
    {
        _engine = engine;
        // Contexts on their own connection come from a pool; those enlisted in a burst's transaction are made fresh.
        _standalone = Provider == DatabaseProvider.PostgreSql
            ? new PooledDbContextFactory<PostgresApprovalsDbContext>(new DbContextOptionsBuilder<PostgresApprovalsDbContext>()
                .UseNpgsql(engine.ConnectionString, PgHistory).Options).CreateDbContext
            : new PooledDbContextFactory<SqliteApprovalsDbContext>(new DbContextOptionsBuilder<SqliteApprovalsDbContext>()
                .UseSqlite(engine.ConnectionString, SqliteHistory).Options).CreateDbContext;
        _enlisted = Provider == DatabaseProvider.PostgreSql
            ? new DbContextOptionsBuilder<PostgresApprovalsDbContext>().UseNpgsql(PgHistory).Options
            : new DbContextOptionsBuilder<SqliteApprovalsDbContext>().UseSqlite(SqliteHistory).Options;
    }

    private DatabaseProvider Provider => _engine.Provider;

    public ApprovalsDbContext Create() => _standalone();

    /// <summary>Where this host's writers queue (see <see cref="Engine.Persistence.WriteGate"/>): take a turn around every write transaction.</summary>
    public WriteGate WriteGate => _engine.WriteGate;

    /// <summary>A context that writes through the engine's open connection and transaction.</summary>
    public async Task<ApprovalsDbContext> EnlistAsync(WorkflowDbContext engineDb, CancellationToken cancellationToken)
    {
        var connection = engineDb.Database.GetDbConnection();
        var transaction = engineDb.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The engine's commit has no open transaction.");
        var db = With(_enlisted);
        db.Database.SetDbConnection(connection);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }

    private ApprovalsDbContext With(DbContextOptions options) => Provider == DatabaseProvider.PostgreSql
        ? new PostgresApprovalsDbContext((DbContextOptions<PostgresApprovalsDbContext>)options)
        : new SqliteApprovalsDbContext((DbContextOptions<SqliteApprovalsDbContext>)options);

    private static void SqliteHistory(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder b) => b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
    private static void PgHistory(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder b) => b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
}
