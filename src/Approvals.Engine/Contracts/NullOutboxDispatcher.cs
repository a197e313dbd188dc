namespace Approvals.Engine.Contracts;

internal sealed class NullOutboxDispatcher : IOutboxDispatcher
{
    public Task DispatchAsync(IReadOnlyList<long> outboxMessageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
