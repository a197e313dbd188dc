using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

public sealed class SqliteApprovalsDbContext(DbContextOptions<SqliteApprovalsDbContext> options) : ApprovalsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresApprovalsDbContext(DbContextOptions<PostgresApprovalsDbContext> options) : ApprovalsDbContext(options);
