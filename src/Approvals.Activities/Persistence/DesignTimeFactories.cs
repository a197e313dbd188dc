using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approvals.Activities.Persistence;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApprovalsDbContext>
{
    public SqliteApprovalsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteApprovalsDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresApprovalsDbContext>
{
    public PostgresApprovalsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresApprovalsDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=approvals_design",
            o => o.MigrationsHistoryTable(ApprovalsDbContext.MigrationsHistoryTable)).Options);
}
