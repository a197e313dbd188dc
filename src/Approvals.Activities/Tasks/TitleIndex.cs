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
        // Looked at outside the write gate: most of the time nothing is queued, and then no writer waits for this.
        var last = await db.Database.SqlQuery<long?>($"""SELECT max("Id") AS "Value" FROM "TaskSearchQueue" """)
            .SingleAsync(cancellationToken);
        if (last is null) return 0;
        using var turn = await factory.WriteGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // In queue order, so a task opened and closed since the last batch is added before it is taken out.
        var moved = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TaskSearch"("TaskSearch", rowid, "SearchTerms")
            SELECT CASE WHEN "Adds" THEN NULL ELSE 'delete' END, "TaskRowId", "Terms" FROM "TaskSearchQueue"
            WHERE "Id" <= {last} ORDER BY "Id"
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "TaskSearchQueue" WHERE "Id" <= {last}""", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
