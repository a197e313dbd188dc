using System.Collections.Concurrent;
using Approvals.Engine.Contracts;

namespace Approvals.Engine.Tests.Support;

public sealed class RecordingOutboxDispatcher : IOutboxDispatcher
{
    public ConcurrentBag<long> Dispatched { get; } = [];

    public Task DispatchAsync(IReadOnlyList<long> outboxMessageIds, CancellationToken cancellationToken)
    {
        foreach (var id in outboxMessageIds) Dispatched.Add(id);
        return Task.CompletedTask;
    }
}
