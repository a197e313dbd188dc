using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Approvals.Engine.Persistence;

/// <summary>
/// The PostgreSQL side of <see cref="WorkflowDbContextFactory"/>, apart from it: the runtime loads an assembly when it compiles
/// the first method that names one of its types, so a host on SQLite, which never calls this, never loads Npgsql.
/// </summary>
public static class PostgresContexts
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Func<WorkflowDbContext> Pool(string connectionString) => new PooledDbContextFactory<PostgresWorkflowDbContext>(
        new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql(connectionString).LeftToTheTests().Options).CreateDbContext;
}
