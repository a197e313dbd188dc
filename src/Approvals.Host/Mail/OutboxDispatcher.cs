using Approvals.Engine.Contracts;
using Hangfire;

namespace Approvals.Host.Mail;

/// <summary>After a commit, hands each new outbox row to Hangfire for delivery.</summary>
internal sealed class OutboxDispatcher(IBackgroundJobClient jobs) : IOutboxDispatcher
{
    public Task DispatchAsync(IReadOnlyList<long> outboxMessageIds, CancellationToken cancellationToken)
    {
        foreach (var id in outboxMessageIds) jobs.Enqueue<MailDelivery>(d => d.DeliverAsync(id, CancellationToken.None));
        return Task.CompletedTask;
    }
}
