using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

/// <summary>Applies the approval domain's migrations (after the engine's).</summary>
public sealed class ApprovalsDatabaseMigrator(ApprovalsDbContextFactory factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
