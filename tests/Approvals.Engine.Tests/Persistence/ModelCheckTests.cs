using Approvals.Engine.Persistence;
using Approvals.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Approvals.Engine.Tests.Persistence;

/// <summary>The check start-up leaves out: the engine's model matches its migrations on both databases.</summary>
public sealed class ModelCheckTests
{
    [Fact]
    public void The_engine_model_matches_its_sqlite_migrations()
    {
        using var db = new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        MigrationsMatch.Model(db);
    }

    [Fact]
    public void The_engine_model_matches_its_postgresql_migrations()
    {
        using var db = new PostgresWorkflowDbContext(new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=approvals_model_check").Options);
        MigrationsMatch.Model(db);
    }

    [Fact]
    public async Task Start_up_migrates_without_comparing_the_model_with_the_snapshot()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Options.EngineOptions { ConnectionString = "Data Source=:memory:" });
        using var factory = new WorkflowDbContextFactory(options);
        await using var db = factory.Create();
        var warnings = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration;
        Assert.Equal(WarningBehavior.Ignore, warnings.GetBehavior(RelationalEventId.PendingModelChangesWarning));
    }
}
