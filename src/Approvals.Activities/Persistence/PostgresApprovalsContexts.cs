using System.Runtime.CompilerServices;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Approvals.Activities.Persistence;

/// <summary>
/// The PostgreSQL side of <see cref="ApprovalsDbContextFactory"/>, apart from it so that a host on SQLite never loads Npgsql
/// (see <see cref="PostgresContexts"/>).
/// </summary>
public static class PostgresApprovalsContexts
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Func<ApprovalsDbContext> Standalone(string connectionString) =>
        new PooledDbContextFactory<PostgresApprovalsDbContext>(new DbContextOptionsBuilder<PostgresApprovalsDbContext>()
            .UseNpgsql(connectionString, History).LeftToTheTests().Options).CreateDbContext;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Func<ApprovalsDbContext> Enlisted() => new PooledDbContextFactory<PostgresApprovalsDbContext>(
        new DbContextOptionsBuilder<PostgresApprovalsDbContext>().UseNpgsql(History).Options).CreateDbContext;

    private static void History(NpgsqlDbContextOptionsBuilder b) => b.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable);
}
