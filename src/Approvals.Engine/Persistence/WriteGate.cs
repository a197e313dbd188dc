namespace Approvals.Engine.Persistence;

/// <summary>
/// SQLite takes one writer at a time, and a second writer that finds the file locked is put to sleep by the driver for
/// up to 150 ms before it looks again, blocking its thread. So on SQLite this host's writers queue here, in order and
/// without blocking a thread, and each finds the file free; on PostgreSQL, which takes many writers, the gate is open.
/// </summary>
public sealed class WriteGate
{
    private static readonly IDisposable Open = new Nothing();
    private readonly SemaphoreSlim? _one;

    public WriteGate(bool singleWriter) => _one = singleWriter ? new SemaphoreSlim(1, 1) : null;

    /// <summary>Waits for this host's turn to write; dispose the result when the transaction has ended.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_one is null) return Open;
        await _one.WaitAsync(cancellationToken);
        return new Turn(_one);
    }

    private sealed class Turn(SemaphoreSlim one) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) one.Release();
        }
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
