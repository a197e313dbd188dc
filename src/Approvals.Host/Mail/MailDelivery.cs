using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Host.Options;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Mail;

/// <summary>
/// Delivers one outbox row. Hangfire runs jobs at least once, so delivery first takes a lease on the row (a conditional
/// update only one runner wins), sends, and marks it sent; a sent row is never sent again. A failure is retried with
/// doubling delays; after the last attempt the row is marked failed for an administrator to resend.
/// </summary>
public sealed class MailDelivery(WorkflowDbContextFactory engine, MailComposer composer, MailTransport transport, IBackgroundJobClient jobs,
    IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDelivery> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(long outboxId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = engine.Create();
        var claimed = await db.Outbox.Where(m => m.Id == outboxId && m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + Lease), cancellationToken);
        if (claimed == 0) return;
        var row = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == outboxId, cancellationToken);
        try
        {
            var message = await composer.ComposeAsync(row, cancellationToken);
            var to = message is null ? "(nothing to send)" : await transport.SendAsync(message, cancellationToken);
            await db.Outbox.Where(m => m.Id == outboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.Attempts, row.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), cancellationToken);
            logger.LogInformation("Outbox {Id} ({Kind}) delivered to {Target}.", outboxId, row.Kind, to);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = row.Attempts + 1;
            var failed = attempts >= options.Value.MaxAttempts;
            var next = clock.GetUtcNow() + options.Value.RetryDelay * Math.Pow(2, attempts - 1);
            await db.Outbox.Where(m => m.Id == outboxId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, failed ? null : next)
                .SetProperty(m => m.LastError, ex.Message), cancellationToken);
            if (failed) logger.LogError(ex, "Outbox {Id} failed after {Attempts} attempts; an administrator can resend it.", outboxId, attempts);
            else
            {
                logger.LogWarning("Outbox {Id} attempt {Attempts} failed ({Error}); retrying at {Next:O}.", outboxId, attempts, ex.Message, next);
                jobs.Schedule<MailDelivery>(d => d.DeliverAsync(outboxId, CancellationToken.None), next);
            }
        }
    }

    /// <summary>Enqueues every pending row that is due (a lost hand-off, an expired lease, a retry whose job vanished).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now - TimeSpan.FromSeconds(30);
        await using var db = engine.Create();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && ((m.NextAttemptAt == null && m.CreatedAt <= stale) || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in due) jobs.Enqueue<MailDelivery>(d => d.DeliverAsync(id, CancellationToken.None));
    }
}
