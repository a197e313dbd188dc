using Approvals.Activities.Tasks;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

/// <summary>Applies the approval domain's migrations (after the engine's).</summary>
public sealed class ApprovalsDatabaseMigrator(ApprovalsDbContextFactory factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        await db.Database.MigrateWhenBehindAsync(cancellationToken);
        if (await AnyTaskWithoutTermsAsync(db, cancellationToken)) await WriteTitleTermsAsync(db, cancellationToken);
    }

    /// <summary>
    /// One read through the partial index of tasks without terms, in SQL: a LINQ query here would be compiled on every
    /// start (a quarter of a second on a small machine) to find, almost always, nothing.
    /// </summary>
    private static async Task<bool> AnyTaskWithoutTermsAsync(ApprovalsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var probe = db.Database.GetDbConnection().CreateCommand();
            probe.CommandText = """SELECT 1 FROM "Tasks" WHERE "SearchTerms" = '' LIMIT 1""";
            return await probe.ExecuteScalarAsync(cancellationToken) is not null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
