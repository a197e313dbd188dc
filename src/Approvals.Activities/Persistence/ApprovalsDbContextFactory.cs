using System.Data.Common;
using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approvals.Activities.Persistence;

/// <summary>Creates the domain's context on its own connection, or on the engine's connection inside a burst's transaction.</summary>
public sealed class ApprovalsDbContextFactory
{
    private readonly WorkflowDbContextFactory _engine;
    private readonly DbContextOptions _standalone;

    public ApprovalsDbContextFactory(WorkflowDbContextFactory engine)
    {
        _engine = engine;
        _standalone = Provider == DatabaseProvider.PostgreSql
            ? new DbContextOptionsBuilder<PostgresApprovalsDbContext>().UseNpgsql(engine.ConnectionString, PgHistory).Options
            : new DbContextOptionsBuilder<SqliteApprovalsDbContext>().UseSqlite(engine.ConnectionString, SqliteHistory).Options;
    }

    private DatabaseProvider Provider => _engine.Provider;

    public ApprovalsDbContext Create() => Provider == DatabaseProvider.PostgreSql
        ? new PostgresApprovalsDbContext((DbContextOptions<PostgresApprovalsDbContext>)_standalone)
        : new SqliteApprovalsDbContext((DbContextOptions<SqliteApprovalsDbContext>)_standalone);

    /// <summary>A context that writes through the engine's open connection and transaction.</summary>
    public async Task<ApprovalsDbContext> EnlistAsync(WorkflowDbContext engineDb, CancellationToken cancellationToken)
    {
        var connection = engineDb.Database.GetDbConnection();
        var transaction = engineDb.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The engine's commit has no open transaction.");
        var db = On(connection);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }

    private ApprovalsDbContext On(DbConnection connection) => Provider == DatabaseProvider.PostgreSql
        ? new PostgresApprovalsDbContext(new DbContextOptionsBuilder<PostgresApprovalsDbContext>().UseNpgsql(connection, PgHistory).Options)
        : new SqliteApprovalsDbContext(new DbContextOptionsBuilder<SqliteApprovalsDbContext>().UseSqlite(connection, SqliteHistory).Options);

    private static void SqliteHistory(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder b) => b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
    private static void PgHistory(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder b) => b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
}
