using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approvals.Host.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, in the same database as the engine and the domain, and the data-protection keys that
/// sign cookies, bearer tokens and mail links when several hosts share a PostgreSQL database.
/// </summary>
public abstract class IdentityDb(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(Microsoft.EntityFrameworkCore.ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.UnitId).HasMaxLength(64);
            e.Property(u => u.Language).HasMaxLength(8);
            e.HasIndex(u => u.UnitId);
        });
    }
}

public sealed class SqliteIdentityDb(DbContextOptions<SqliteIdentityDb> options) : IdentityDb(options);

public sealed class PostgresIdentityDb(DbContextOptions<PostgresIdentityDb> options) : IdentityDb(options);

internal sealed class SqliteIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteIdentityDb>
{
    public SqliteIdentityDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteIdentityDb>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(IdentityDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresIdentityDesignFactory : IDesignTimeDbContextFactory<PostgresIdentityDb>
{
    public PostgresIdentityDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresIdentityDb>()
        .UseNpgsql("Host=127.0.0.1;Database=approvals_design", o => o.MigrationsHistoryTable(IdentityDb.MigrationsHistoryTable)).Options);
}
