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
/// its own connection right after the server accepted it; a sent row is never sent again. A failure is retried with
/// doubling delays; after the last attempt the row is marked failed for an administrator to resend.
/// </summary>
public sealed class MailDelivery(WorkflowDbContextFactory engine, LeaseClaims claims, MailComposer composer, MailTransport transport, SweepLoop loop,
    MailSignal signal, IOptions<MailOptions> options, IOptions<JobsOptions> jobs, TimeProvider clock, ILogger<MailDelivery> logger)
{
    public const string RecurringJobId = "outbox-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => loop.RunAsync("mail", DeliverDueAsync, signal.Signal, cancellationToken);

    /// <summary>One pass: claims a batch of due messages and sends them; returns how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var mail = options.Value;
        var ids = await claims.ClaimOutboxAsync(events: false, clock.GetUtcNow(), mail.SendLease, jobs.Value.SweepBatchSize, cancellationToken);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, mail.Parallelism), CancellationToken = cancellationToken },
            async (id, token) => await DeliverAsync(id, token));
        return ids.Count;
    }

    private async Task DeliverAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var db = engine.Create();
        var row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == outboxId && m.Status == OutboxStatus.Pending, cancellationToken);
        if (row is null) return;
        try
        {
            var message = await composer.ComposeAsync(row, cancellationToken);
            var to = message is null ? "(nothing to send)" : await transport.SendAsync(message, cancellationToken);
            using var turn = await engine.WriteGate.EnterAsync(CancellationToken.None);
            await db.Outbox.Where(m => m.Id == outboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, row.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            logger.LogInformation("Outbox {Id} ({Kind}) delivered to {Target}.", outboxId, row.Kind, to);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = row.Attempts + 1;
            var failed = attempts >= options.Value.MaxAttempts;
            var next = clock.GetUtcNow() + options.Value.RetryDelay * Math.Pow(2, attempts - 1);
            using var turn = await engine.WriteGate.EnterAsync(CancellationToken.None);
            await db.Outbox.Where(m => m.Id == outboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, failed ? null : next)
                .SetProperty(m => m.LastError, ex.Message), CancellationToken.None);
            if (failed) logger.LogError(ex, "Outbox {Id} failed after {Attempts} attempts; an administrator can resend it.", outboxId, attempts);
            else logger.LogWarning("Outbox {Id} attempt {Attempts} failed ({Error}); retrying at {Next:O}.", outboxId, attempts, ex.Message, next);
        }
    }
}
