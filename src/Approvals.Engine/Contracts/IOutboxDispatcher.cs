namespace Approvals.Engine.Contracts;

/// <summary>Told, after a commit, which outbox messages were written, so delivery can start at once.</summary>
public interface IOutboxDispatcher
{
    Task DispatchAsync(IReadOnlyList<long> outboxMessageIds, CancellationToken cancellationToken);
}
