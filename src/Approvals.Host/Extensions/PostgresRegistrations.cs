using System.Runtime.CompilerServices;
using Approvals.Engine.Persistence;
using Approvals.Host.Identity;
using Approvals.Host.Options;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host;

/// <summary>
/// What the host registers only on PostgreSQL, apart from the registrations both providers share: the runtime loads an
/// assembly when it compiles the first method that names one of its types, so a host on SQLite never loads Npgsql or
/// Hangfire.PostgreSql.
/// </summary>
internal static class PostgresRegistrations
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddIdentityDb(IServiceCollection services, string connectionString) =>
        services.AddDbContext<IdentityDb, PostgresIdentityDb>(o => o
            .UseNpgsql(connectionString, x => x.MigrationsHistoryTable(IdentityDb.MigrationsHistoryTable)).LeftToTheTests());

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Hangfire.JobStorage HangfireStorage(string connectionString, JobsOptions jobs) =>
        new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { QueuePollInterval = jobs.QueuePollInterval, PrepareSchemaIfNecessary = true });
}
