using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Activities.Persistence;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Audit;

/// <summary>
/// Appends to the hash-chained audit log and verifies it. There is a chain per request (or instance, or administrator),
/// so concurrent writers on different requests never touch the same row. Appending takes the chain's head row under a
/// lock for the rest of the caller's transaction (SQLite's write transaction, PostgreSQL's <c>FOR UPDATE</c>), so two
/// writers on one request queue instead of failing, and the chain can never fork.
/// </summary>
public static class AuditTrail
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The chain a record belongs to.</summary>
    public static string ChainOf(AuditRecord record) =>
        record.RequestId is { } request ? "request:" + request
        : record.WorkflowInstanceId is { } instance ? "instance:" + instance
        : "actor:" + record.Actor;

    /// <summary>Writes the records in the transaction open on <paramref name="db"/>, each chained after its chain's head.</summary>
    public static async Task AppendAsync(ApprovalsDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var rows = new RowWriter(db);
        foreach (var chain in records.GroupBy(ChainOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (sequence, hash) = await LockHeadAsync(rows, chain.Key, cancellationToken);
            var entries = new List<AuditEntry>();
            foreach (var record in chain)
            {
                var entry = new AuditEntry
                {
                    ChainId = chain.Key,
                    Sequence = sequence + entries.Count + 1,
                    Timestamp = ToMicroseconds(record.At),
                    RequestId = record.RequestId,
                    TaskId = record.TaskId,
                    WorkflowInstanceId = record.WorkflowInstanceId,
                    Actor = record.Actor,
                    OnBehalfOf = record.OnBehalfOf,
                    Action = record.Action,
                    Comment = record.Comment,
                    StatusBefore = record.StatusBefore,
                    StatusAfter = record.StatusAfter,
                    Data = record.Data,
                    PreviousHash = entries.Count == 0 ? hash : entries[^1].Hash,
                    Hash = "",
                };
                entry.Hash = HashOf(entry);
                entries.Add(entry);
            }
            await rows.InsertAsync(entries, cancellationToken);
            var moved = await rows.UpdateAsync<AuditChainHead>(
                [new(nameof(AuditChainHead.Sequence), entries[^1].Sequence), new(nameof(AuditChainHead.Hash), entries[^1].Hash)],
                [new(nameof(AuditChainHead.ChainId), chain.Key), new(nameof(AuditChainHead.Sequence), sequence)], cancellationToken);
            if (moved == 0) throw new DbUpdateConcurrencyException($"The audit chain {chain.Key} moved on meanwhile.");
        }
    }

    /// <summary>
    /// The chain's head (created when the chain is new), in one statement that also locks it until the transaction ends:
    /// PostgreSQL locks the row an upsert touches, SQLite's write transaction holds the whole file.
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LockHeadAsync(RowWriter rows, string chainId,
        CancellationToken cancellationToken)
    {
        await using var command = rows.Command("""
            INSERT INTO "AuditChainHeads" ("ChainId", "Sequence", "Hash") VALUES (@chain, 0, @genesis)
            ON CONFLICT ("ChainId") DO UPDATE SET "Sequence" = "AuditChainHeads"."Sequence"
            RETURNING "Sequence", "Hash"
            """);
        command.Parameters.Add(rows.Parameter<AuditChainHead>(command, "@chain", nameof(AuditChainHead.ChainId), chainId));
        command.Parameters.Add(rows.Parameter<AuditChainHead>(command, "@genesis", nameof(AuditChainHead.Hash), Genesis));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException($"The audit chain {chainId} has no head.");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>Times are hashed at microsecond precision, the finest both SQLite and PostgreSQL give back unchanged.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The hash of an entry: SHA-256 over its chain, position, previous hash and every field, in a fixed order.</summary>
    public static string HashOf(AuditEntry e)
    {
        var fields = new List<string?>();
        // Entries of the single chain of before (no chain id) keep the fields they were hashed with.
        if (e.ChainId.Length > 0) fields.Add(e.ChainId);
        fields.AddRange([
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.RequestId, e.TaskId, e.WorkflowInstanceId, e.Actor, e.OnBehalfOf, e.Action, e.Comment, e.StatusBefore, e.StatusAfter,
            e.Data?.ToJsonString((JsonSerializerOptions?)null),
            e.PreviousHash,
        ]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields))));
    }

    /// <summary>Walks every chain in order and reports the first entry whose hash or link does not hold, or a chain cut short.</summary>
    public static async Task<AuditVerification> VerifyAsync(ApprovalsDbContext db, CancellationToken cancellationToken = default)
    {
        var heads = await db.AuditChainHeads.AsNoTracking().ToDictionaryAsync(h => h.ChainId, StringComparer.Ordinal, cancellationToken);
        long count = 0;
        string? chain = null;
        var previous = Genesis;
        long expected = 1;
        AuditVerification Broken(string chainId, long sequence, string message) =>
            new(false, count, sequence, $"{Name(chainId)}: {message}", chainId);
        AuditVerification? EndOf(string chainId, long last, string lastHash) =>
            heads.Remove(chainId, out var head) && (head.Sequence != last || head.Hash != lastHash)
                ? Broken(chainId, last + 1,
                    $"the chain ends at entry {last}, but {head.Sequence} entries were written: entries were removed.")
                : null;

        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.ChainId).ThenBy(e => e.Sequence).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (entry.ChainId != chain)
            {
                if (chain is not null && EndOf(chain, expected - 1, previous) is { } cut) return cut;
                chain = entry.ChainId;
                previous = Genesis;
                expected = 1;
            }
            if (entry.Sequence != expected)
                return Broken(chain, expected, $"entry {expected} is missing (the next entry is {entry.Sequence}).");
            if (entry.PreviousHash != previous)
                return Broken(chain, entry.Sequence, $"entry {entry.Sequence} does not link to entry {entry.Sequence - 1}.");
            if (HashOf(entry) != entry.Hash)
                return Broken(chain, entry.Sequence, $"entry {entry.Sequence} was altered: its content no longer matches its hash.");
            previous = entry.Hash;
            expected++;
            count++;
        }
        if (chain is not null && EndOf(chain, expected - 1, previous) is { } last) return last;
        // A head whose chain has no entry left: the whole chain was removed.
        if (heads.Values.FirstOrDefault(h => h.Sequence > 0) is { } emptied)
            return Broken(emptied.ChainId, 1, $"all {emptied.Sequence} entries were removed.");
        return new AuditVerification(true, count, null, $"{count} entries, chain intact.");
    }

    private static string Name(string chainId) => chainId.Length == 0 ? "The chain of before" : $"Chain {chainId}";
}

/// <summary>
/// The result of verifying the audit chains: <see cref="FirstBroken"/> is the position of the first bad entry within
/// chain <see cref="ChainId"/>.
/// </summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? FirstBroken, string Message, string? ChainId = null);
