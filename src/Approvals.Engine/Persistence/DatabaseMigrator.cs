using Approvals.Engine.Options;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Persistence;

/// <summary>Applies the engine's migrations; on SQLite it also switches the file to WAL journaling.</summary>
public sealed class DatabaseMigrator(WorkflowDbContextFactory factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        if (factory.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateWhenBehindAsync(cancellationToken);
    }
}
