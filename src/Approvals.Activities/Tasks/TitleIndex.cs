using Approvals.Activities.Persistence;
using Approvals.Engine.Options;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tasks;

/// <summary>
/// On SQLite, moves the tasks queued by the Tasks triggers (opened, closed, retitled) into the full-text index of titles in one
/// transaction, so the index is written once per batch rather than by every decision. A search also reads what is still queued,
/// so it is never behind. PostgreSQL's index is written with each task (its pending list already batches).
/// </summary>
public sealed class TitleIndex(ApprovalsDbContextFactory factory)
{
    /// <summary>Whether tasks are queued for the index (SQLite) rather than indexed as they are written (PostgreSQL).</summary>
    public bool Queues => factory.Provider == DatabaseProvider.Sqlite;

    /// <summary>Moves what is queued into the index; returns how many entries it moved.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (!Queues) return 0;
        await using var db = factory.Create();
        // Looked at outside a write: most of the time nothing is queued, and then no write waits for this.
        var last = await db.Database.SqlQuery<long?>($"""SELECT max("Id") AS "Value" FROM "TaskSearchQueue" """)
            .SingleAsync(cancellationToken);
        if (last is null) return 0;
        return await factory.RunAsync(async (writer, token) =>
        {
            // In queue order, so a task opened and closed since the last batch is added before it is taken out.
            var moved = await writer.Database.ExecuteSqlAsync($"""
                INSERT INTO "TaskSearch"("TaskSearch", rowid, "SearchTerms")
                SELECT CASE WHEN "Adds" THEN NULL ELSE 'delete' END, "TaskRowId", "Terms" FROM "TaskSearchQueue"
                WHERE "Id" <= {last} ORDER BY "Id"
                """, token);
            await writer.Database.ExecuteSqlAsync($"""DELETE FROM "TaskSearchQueue" WHERE "Id" <= {last}""", token);
            return moved;
        }, cancellationToken);
    }

    /// <summary>
    /// Builds the SQLite index again from the open tasks' terms and empties the queue: the index is keyed by the Tasks rows'
    /// rowid, which a <c>VACUUM</c> may renumber. Returns how many tasks it now holds; null on PostgreSQL, whose index the
    /// database keeps itself.
    /// </summary>
    public async Task<int?> RebuildAsync(CancellationToken cancellationToken = default)
    {
        if (!Queues) return null;
        return await factory.RunAsync(async (db, token) =>
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "TaskSearchQueue" """, token);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "TaskSearch"("TaskSearch") VALUES ('delete-all')""", token);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "TaskSearch"(rowid, "SearchTerms")
                SELECT rowid, "SearchTerms" FROM "Tasks" WHERE "Status" IN ('Open', 'Claimed')
                """, token);
            // Counted off the tasks, in the same transaction: SQLite does not count the rows a virtual table takes in.
            return await db.Database
                .SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "Tasks" WHERE "Status" IN ('Open', 'Claimed')""")
                .SingleAsync(token);
        }, cancellationToken);
    }
}
