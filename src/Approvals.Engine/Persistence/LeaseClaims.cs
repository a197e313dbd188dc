using System.Data.Common;
using Approvals.Engine.Options;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Persistence;

/// <summary>
/// Claims due rows (timer bookmarks, outbox messages) in small batches under a lease, in one statement: the rows a
/// claim returns are this caller's until the lease lapses. On PostgreSQL the candidates are locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several hosts claiming at once take disjoint batches and never wait on each other.
/// A claim whose holder dies is simply claimed again once its lease has passed.
/// </summary>
public sealed class LeaseClaims(WorkflowDbContextFactory factory)
{
    /// <summary>Claims up to <paramref name="batch"/> timer bookmarks due at <paramref name="now"/>, earliest first.</summary>
    public Task<List<string>> ClaimTimersAsync(DateTimeOffset now, TimeSpan lease, int batch, CancellationToken cancellationToken) =>
        ClaimAsync<string>("""
            UPDATE "Bookmarks" SET "LeaseUntil" = @until
            WHERE "Id" IN (SELECT "Id" FROM "Bookmarks"
                WHERE "ResumeAt" IS NOT NULL AND "ResumeAt" <= @now AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= @now)
                ORDER BY "ResumeAt" LIMIT @batch{lock})
            RETURNING "Id"
            """, now, lease, batch, kind: null, cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batch"/> pending outbox rows whose next attempt is due (a new row has none), and failed ones that still
    /// have a (slow) next attempt: the engine's own messages (events, child workflows) when <paramref name="events"/> is set, every other
    /// kind (mail) otherwise. The lease is written as the row's next attempt time, so a lapsed claim is simply due again.
    /// </summary>
    public Task<List<long>> ClaimOutboxAsync(bool events, DateTimeOffset now, TimeSpan lease, int batch,
        CancellationToken cancellationToken) =>
        ClaimAsync<long>($$"""
            UPDATE "OutboxMessages" SET "NextAttemptAt" = @until
            WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                WHERE ("Status" = 'Pending' OR ("Status" = 'Failed' AND "NextAttemptAt" IS NOT NULL))
                    AND "Kind" {{(events ? "IN" : "NOT IN")}} ({{EngineKinds}}) AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= @now)
                ORDER BY "Id" LIMIT @batch{lock})
            RETURNING "Id"
            """, now, lease, batch, kind: null, cancellationToken);

    private static readonly string EngineKinds = string.Join(", ", Models.EngineMessageKinds.All.Select(k => $"'{k}'"));

    /// <summary>Claims one outbox row by id, if it is still pending and not held by another claim.</summary>
    public async Task<bool> ClaimOutboxRowAsync(long id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = now + lease;
        return await factory.GroupCommit.RunAsync((db, token) => db.Outbox
            .Where(m => m.Id == id && m.Status == Models.OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until), token), cancellationToken) == 1;
    }

    private Task<List<T>> ClaimAsync<T>(string template, DateTimeOffset now, TimeSpan lease, int batch, string? kind,
        CancellationToken cancellationToken)
    {
        var postgres = factory.Provider == DatabaseProvider.PostgreSql;
        return factory.GroupCommit.RunAsync(async (db, token) =>
        {
            await using var command = new RowWriter(db).Command(
                template.Replace("{lock}", postgres ? " FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal));
            // SQLite keeps times as UTC ticks; PostgreSQL as timestamptz.
            Add(command, "now", postgres ? now.ToUniversalTime() : now.UtcTicks);
            Add(command, "until", postgres ? (now + lease).ToUniversalTime() : (now + lease).UtcTicks);
            Add(command, "batch", batch);
            if (kind is not null) Add(command, "kind", kind);
            var claimed = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) claimed.Add(reader.GetFieldValue<T>(0));
            return claimed;
        }, cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
