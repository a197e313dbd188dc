using Microsoft.EntityFrameworkCore;

namespace Approvals.Testing;

/// <summary>The check start-up leaves out (<c>ModelCheck.LeftToTheTests</c>): a context's model matches its migrations.</summary>
public static class MigrationsMatch
{
    public static void Model(DbContext db)
    {
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{db.GetType().Name}'s model changed without a migration: run dotnet ef migrations add");
    }
}
