using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Approvals.Engine.Persistence;

public static class PendingMigrations
{
    /// <summary>
    /// Migrates only a database that is behind. EF Core's migration takes its lock even when there is nothing to apply —
    /// on SQLite a row written and deleted, two commits on every start — so a start first reads the history, which is all
    /// an up-to-date database needs. Several hosts starting at once each find the migrations pending, and EF Core's lock
    /// lets one apply them while the others wait and then find nothing left.
    /// </summary>
    public static async Task MigrateWhenBehindAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await database.MigrateAsync(cancellationToken);
    }
}
