using System.Text.Json;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Host.Jobs;
using Approvals.Host.Options;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Mail;

/// <summary>
/// Delivers the mail outbox. A recurring Hangfire job runs a sweep window that claims due rows in small batches under a
/// lease (so several hosts share the queue and a claim whose host died is taken again), sends each, and marks it sent on
/// its own connection as soon as its group is through (over SMTP the sends in flight, to the pickup folder the batch); a sent
/// row is never sent again. A failure is retried with doubling delays; after the last attempt the row is marked failed for an
/// administrator to resend.
/// </summary>
public sealed class MailDelivery(
    WorkflowDbContextFactory engine, LeaseClaims claims, MailComposer composer, MailTransport transport, SweepLoop loop, SweepSignal signal,
    IOptions<MailOptions> options, IOptions<JobsOptions> jobs, TimeProvider clock, ILogger<MailDelivery> logger)
{
    public const string RecurringJobId = "outbox-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => loop.RunAsync("mail", DeliverDueAsync, signal, cancellationToken);

    /// <summary>
    /// One pass: claims a batch of due messages and sends them, a few at a time; each group that the server accepted is
    /// marked sent in one statement as soon as the group is through. Returns how many were claimed.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var mail = options.Value;
        var ids = await claims.ClaimOutboxAsync(
            events: false, clock.GetUtcNow(), mail.SendLease, jobs.Value.SweepBatchSize, cancellationToken);
        if (ids.Count == 0) return 0;
        var claimed = await ReadClaimedAsync(ids, cancellationToken);
        // Over SMTP a message sent again reaches a person twice, so a group is no more than the sends in flight and is marked
        // sent as soon as it is through. Written to the pickup folder, a message sent again only replaces its own file (named
        // by its Message-Id), so the whole batch is one group: one read of its requests and tasks, one commit marking it sent
        // (in groups of four, a mail sweep under HTTP load took a commit and two reads per two decisions).
        var groupSize = transport.UsesPickupFolder ? claimed.Count : mail.Parallelism;
        // One lane per send in flight; over SMTP each keeps its connection for the whole batch.
        var lanes = Enumerable.Range(0, Math.Max(1, mail.Parallelism)).Select(_ => transport.OpenLane()).ToArray();
        try
        {
            foreach (var group in claimed.Chunk(Math.Max(1, groupSize))) await DeliverGroupAsync(group, lanes, cancellationToken);
        }
        finally
        {
            foreach (var lane in lanes) await lane.DisposeAsync();
        }
        return ids.Count;
    }

    /// <summary>The claimed rows not sent meanwhile (by a sweep whose claim had lapsed), in the order they were written.</summary>
    private async Task<List<OutboxMessage>> ReadClaimedAsync(List<long> ids, CancellationToken cancellationToken)
    {
        if (engine.Reads is { } reads)
        {
            var shape = RowShape<OutboxMessage>.Of(engine.Model);
            return reads.ReadAll(shape.Select("{Id} IN (SELECT value FROM json_each(@p0)) AND {Status} <> @p1 ORDER BY {Id}"),
                [JsonSerializer.Serialize(ids), shape.Stored(nameof(OutboxMessage.Status), OutboxStatus.Sent)], r => shape.Read(r));
        }
        await using var read = engine.Create();
        return await read.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Status != OutboxStatus.Sent).OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task DeliverGroupAsync(OutboxMessage[] group, MailLane[] lanes, CancellationToken cancellationToken)
    {
        // Read as the group is sent, not with the claim: a task decided meanwhile gets no action links in its mail.
        var subjects = await composer.ReadSubjectsAsync(group, cancellationToken);
        // One send per lane at a time, even in a large group: a send writes a file or waits on a server, and many at once
        // would hold the thread pool's threads that the requests need.
        var sent = new List<OutboxMessage>(group.Length);
        foreach (var wave in group.Chunk(lanes.Length))
        {
            var results = await Task.WhenAll(wave.Select((row, i) => SendAsync(row, subjects, lanes[i], cancellationToken)));
            sent.AddRange(results.OfType<OutboxMessage>());
        }
        if (sent.Count == 0) return;
        var sentIds = sent.Select(m => m.Id).ToList();
        var now = clock.GetUtcNow();
        // Attempts counts this delivery; rows of one group may have had different earlier attempts.
        await engine.GroupCommit.RunAsync((db, token) => db.Outbox.Where(m => sentIds.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null), token), CancellationToken.None);
    }

    /// <summary>Sends one claimed row; returns it when the server accepted it, null when it failed (then marked for a retry).</summary>
    private async Task<OutboxMessage?> SendAsync(
        OutboxMessage row, MailSubjects subjects, MailLane lane, CancellationToken cancellationToken)
    {
        var outboxId = row.Id;
        try
        {
            var message = await composer.ComposeAsync(row, cancellationToken, subjects);
            var to = message is null ? "(nothing to send)" : await lane.SendAsync(message, cancellationToken);
            logger.LogInformation("Outbox {Id} ({Kind}) delivered to {Target}.", outboxId, row.Kind, to);
            return row;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = row.Attempts + 1;
            var now = clock.GetUtcNow();
            // Quick retries first (the delay doubling); after the last, the message is failed and tried again slowly (once an
            // interval) for a while, so an SMTP outage of a day heals by itself; then it waits for an administrator.
            var failed = row.Status == OutboxStatus.Failed || attempts >= options.Value.MaxAttempts;
            DateTimeOffset? next = !failed ? now + options.Value.RetryDelay * Math.Pow(2, attempts - 1)
                : now - row.CreatedAt < options.Value.SlowRetryFor ? now + options.Value.SlowRetryInterval : null;
            await engine.GroupCommit.RunAsync((db, token) => db.Outbox.Where(m => m.Id == outboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, ex.Message), token), CancellationToken.None);
            if (!failed)
                logger.LogWarning("Outbox {Id} attempt {Attempts} failed ({Error}); retrying at {Next:O}.",
                    outboxId, attempts, ex.Message, next);
            else if (next is not null)
                logger.LogError("Outbox {Id} failed after {Attempts} attempts ({Error}); trying again slowly, next at {Next:O}.",
                    outboxId, attempts, ex.Message, next);
            else logger.LogError(ex, "Outbox {Id} failed after {Attempts} attempts; an administrator can resend it.", outboxId, attempts);
            return null;
        }
    }
}
