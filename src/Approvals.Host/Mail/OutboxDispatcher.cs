using Approvals.Engine.Contracts;
using Approvals.Host.Jobs;

namespace Approvals.Host.Mail;

/// <summary>After a commit that wrote mail, wakes this host's mail sweep; the rows themselves are the queue.</summary>
internal sealed class OutboxDispatcher(SweepSignal mail) : IOutboxDispatcher
{
    public Task DispatchAsync(IReadOnlyList<long> outboxMessageIds, CancellationToken cancellationToken)
    {
        mail.Wake();
        return Task.CompletedTask;
    }
}
