using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Mail;

/// <summary>The mail waiting, sent and failed, as administrators see it; a failed message can be sent again.</summary>
public sealed class MailOutbox(WorkflowDbContextFactory factory, Jobs.SweepSignal mail)
{
    public sealed record Message(long Id, string Kind, string? WorkflowInstanceId, string Status, int Attempts, DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt, string? LastError,
        System.Text.Json.Nodes.JsonObject Body);

    public async Task<IReadOnlyList<Message>> ListAsync(OutboxStatus? status, int take, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var query = db.Outbox.AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        var rows = await query.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return rows.Select(m => new Message(m.Id, m.Kind, m.WorkflowInstanceId, m.Status.ToString(), m.Attempts, m.CreatedAt, m.SentAt,
            m.LastError, m.Body)).ToList();
    }

    /// <summary>Puts a failed message back in the queue and sends it now; false when it is not a failed message.</summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        var changed = await factory.GroupCommit.RunAsync((db, token) => db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), token), cancellationToken);
        if (changed == 0) return false;
        mail.Wake();
        return true;
    }

    /// <summary>Puts every failed message back in the queue and sends them now; how many.</summary>
    public async Task<int> ResendFailedAsync(CancellationToken cancellationToken = default)
    {
        var count = await factory.GroupCommit.RunAsync((db, token) => db.Outbox
            .Where(m => m.Status == OutboxStatus.Failed && !Approvals.Engine.Models.EngineMessageKinds.All.Contains(m.Kind))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), token), cancellationToken);
        if (count > 0) mail.Wake();
        return count;
    }
}
