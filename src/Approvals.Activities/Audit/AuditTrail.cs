using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Audit;

/// <summary>
/// Appends to the hash-chained audit log and verifies it. Appending moves the single chain-head row under its
/// concurrency token, so two writers can never fork the chain: the second one's transaction fails and is re-run.
/// </summary>
public static class AuditTrail
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Adds the records to <paramref name="db"/> (inside the caller's transaction), chained after the current head.</summary>
    public static async Task AppendAsync(ApprovalsDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var head = await db.AuditChainHeads.FirstOrDefaultAsync(h => h.Id == 1, cancellationToken);
        if (head is null)
        {
            head = new AuditChainHead { Id = 1, Sequence = 0, Hash = Genesis };
            db.AuditChainHeads.Add(head);
        }
        var sequence = head.Sequence;
        var previous = head.Hash;
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                Timestamp = record.At,
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
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        head.Sequence = sequence;
        head.Hash = previous;
    }

    /// <summary>The hash of an entry: SHA-256 over its previous hash and every field, in a fixed order.</summary>
    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.RequestId, e.TaskId, e.WorkflowInstanceId, e.Actor, e.OnBehalfOf, e.Action, e.Comment, e.StatusBefore, e.StatusAfter,
            e.Data?.ToJsonString((JsonSerializerOptions?)null),
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Walks the chain in order and reports the first entry whose hash or link does not hold.</summary>
    public static async Task<AuditVerification> VerifyAsync(ApprovalsDbContext db, CancellationToken cancellationToken = default)
    {
        var previous = Genesis;
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expected)
                return new AuditVerification(false, count - 1, expected, $"Entry {expected} is missing (the next entry is {entry.Sequence}).");
            if (entry.PreviousHash != previous)
                return new AuditVerification(false, count - 1, entry.Sequence, $"Entry {entry.Sequence} does not link to entry {entry.Sequence - 1}.");
            if (HashOf(entry) != entry.Hash)
                return new AuditVerification(false, count - 1, entry.Sequence, $"Entry {entry.Sequence} was altered: its content no longer matches its hash.");
            previous = entry.Hash;
            expected++;
        }
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == 1, cancellationToken);
        if (head is not null && (head.Sequence != count || head.Hash != previous))
            return new AuditVerification(false, count, count + 1, $"The chain ends at entry {count}, but {head.Sequence} entries were written: entries were removed.");
        return new AuditVerification(true, count, null, $"{count} entries, chain intact.");
    }
}

/// <summary>The result of verifying the audit chain: <see cref="FirstBroken"/> is the sequence of the first bad entry.</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? FirstBroken, string Message);
