using Approvals.Activities.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

/// <summary>Applies the approval domain's migrations (after the engine's).</summary>
public sealed class ApprovalsDatabaseMigrator(ApprovalsDbContextFactory factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        await db.Database.MigrateAsync(cancellationToken);
        await WriteTitleTermsAsync(db, cancellationToken);
    }

    /// <summary>
    /// Gives the tasks filed before titles' terms were kept their terms (which puts the open ones in the search index), a
    /// batch at a time. Afterwards the index of such tasks is empty, so on later starts this is one empty read.
    /// </summary>
    private static async Task WriteTitleTermsAsync(ApprovalsDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = await db.Tasks.Where(t => t.SearchTerms == "").OrderBy(t => t.Id).Take(500).ToListAsync(cancellationToken);
            if (pending.Count == 0) return;
            foreach (var task in pending) task.SearchTerms = TitleTerms.Of(task.Title);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
