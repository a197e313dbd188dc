using Approvals.Activities.Persistence;
using Approvals.Testing;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tests.Persistence;

/// <summary>The check start-up leaves out: the approval domain's model matches its migrations on both databases.</summary>
public sealed class ModelCheckTests
{
    [Fact]
    public void The_approvals_model_matches_its_sqlite_migrations()
    {
        using var db = new SqliteApprovalsDbContext(new DbContextOptionsBuilder<SqliteApprovalsDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        MigrationsMatch.Model(db);
    }

    [Fact]
    public void The_approvals_model_matches_its_postgresql_migrations()
    {
        using var db = new PostgresApprovalsDbContext(new DbContextOptionsBuilder<PostgresApprovalsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=approvals_model_check").Options);
        MigrationsMatch.Model(db);
    }
}
