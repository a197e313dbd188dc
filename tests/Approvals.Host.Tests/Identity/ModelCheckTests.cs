using Approvals.Host.Identity;
using Approvals.Testing;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Tests.Identity;

/// <summary>The check start-up leaves out: the accounts' model matches its migrations on both databases.</summary>
public sealed class ModelCheckTests
{
    [Fact]
    public void The_identity_model_matches_its_sqlite_migrations()
    {
        using var db = new SqliteIdentityDb(new DbContextOptionsBuilder<SqliteIdentityDb>().UseSqlite("Data Source=:memory:").Options);
        MigrationsMatch.Model(db);
    }

    [Fact]
    public void The_identity_model_matches_its_postgresql_migrations()
    {
        using var db = new PostgresIdentityDb(new DbContextOptionsBuilder<PostgresIdentityDb>()
            .UseNpgsql("Host=127.0.0.1;Database=approvals_model_check").Options);
        MigrationsMatch.Model(db);
    }
}
