using System.Collections.Concurrent;
using Approvals.Engine.Options;

namespace Approvals.Engine.Persistence;

/// <summary>
/// Where every write transaction of this host goes. SQLite takes one writer at a time and each commit costs a sync of
/// its log, so on SQLite the writes waiting at any moment are committed together: one transaction on the writer connection,
/// each write under its own savepoint (a write that fails is undone alone and its caller hears why), one commit, then each
/// caller is answered; nobody hears "committed" before the transaction is. A mail batch marked sent, a request number
/// taken and eight decisions are then one commit, not ten. On PostgreSQL, which takes many writers, each write is a
/// transaction of its own on the caller's thread.
/// </summary>
/// <remarks>
/// A caller that finds nobody writing writes at once on its own thread; while someone is, its write is left to a writer
/// thread, which takes it with the others waiting then as soon as the file is free. (Handing the turn from caller to
/// caller through the thread pool left the file unwritten at every hand-over, behind the pool's queue of requests.)
/// A write may run on another thread than its caller's, so it uses only what it captured and the token it is given (none
/// on SQLite: interrupting the shared connection could stop another caller's statement), and it never waits for another
/// write.
/// </remarks>
public sealed class GroupCommit : IDisposable
{
    private const int MaxGroup = 32;
    private static readonly AsyncLocal<bool> InGroup = new();
    private readonly WorkflowDbContextFactory _factory;
    private readonly ConcurrentQueue<Write> _waiting = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _start = new();
    private Thread? _writer;
    private volatile bool _stopping;

    internal GroupCommit(WorkflowDbContextFactory factory) => _factory = factory;

    /// <summary>Runs <paramref name="write"/> in a transaction and returns once that transaction has committed.</summary>
    public async Task RunAsync(Func<WorkflowDbContext, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        await RunAsync<bool>(async (db, token) =>
        {
            await write(db, token);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="write"/> in a transaction and returns its value once that transaction has committed.</summary>
    public async Task<T> RunAsync<T>(Func<WorkflowDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (InGroup.Value) throw new InvalidOperationException("A write cannot wait for another write: it would wait for its own group.");
        if (_factory.Provider != DatabaseProvider.Sqlite)
        {
            await using var db = _factory.Create();
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var value = await write(db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return value;
        }
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_stopping, this);
        EnsureWriter();
        var mine = new Write<T>(write);
        // Once queued, the write is committed whatever becomes of the caller: the caller waits for the outcome, not for a token.
        _waiting.Enqueue(mine);
        // With nobody writing, the caller writes at once (a hand-over to the writer thread costs two thread switches);
        // otherwise the writer thread takes the write with the others that wait meanwhile.
        if (!_turn.Wait(0))
        {
            _signal.Release();
            return await mine.Outcome;
        }
        try
        {
            while (!mine.Done) await CommitWaitingAsync();
        }
        finally
        {
            _turn.Release();
        }
        if (!_waiting.IsEmpty) _signal.Release();
        return await mine.Outcome;
    }

    /// <summary>Stops the writer thread once what is queued has been written.</summary>
    public void Dispose()
    {
        _stopping = true;
        _signal.Release();
        _writer?.Join(TimeSpan.FromSeconds(30));
        // A write queued as the writer stopped is answered, not left waiting.
        while (_waiting.TryDequeue(out var late)) late.Fail(new ObjectDisposedException(nameof(GroupCommit)));
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        lock (_start)
        {
            if (_writer is not null) return;
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "SQLite writer" };
            _writer.Start();
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            _signal.Wait();
            _turn.Wait();
            try
            {
                // Microsoft.Data.Sqlite does its work synchronously, so waiting here blocks nothing but this thread.
                while (!_waiting.IsEmpty) CommitWaitingAsync().GetAwaiter().GetResult();
            }
            finally
            {
                _turn.Release();
            }
            if (_stopping && _waiting.IsEmpty) return;
        }
    }

    /// <summary>Writes what is waiting now in one transaction; each write gets its own outcome.</summary>
    private async Task CommitWaitingAsync()
    {
        // Set for the writes run here only (an async method's changes to it end with the method).
        InGroup.Value = true;
        var group = new List<Write>();
        while (group.Count < MaxGroup && _waiting.TryDequeue(out var next)) group.Add(next);
        if (group.Count == 0) return;
        var written = new List<Write>(group.Count);
        try
        {
            await using var db = _factory.CreateOnWriter();
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            // A write alone in its transaction needs no savepoint: undoing it is undoing the transaction.
            if (group.Count == 1)
            {
                try
                {
                    await group[0].RunAsync(db);
                }
                catch (Exception ex)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    group[0].Fail(ex);
                    return;
                }
                written.Add(group[0]);
            }
            else
                for (var i = 0; i < group.Count; i++)
                {
                    var savepoint = $"write{i}";
                    await tx.CreateSavepointAsync(savepoint, CancellationToken.None);
                    try
                    {
                        await group[i].RunAsync(db);
                        await tx.ReleaseSavepointAsync(savepoint, CancellationToken.None);
                        written.Add(group[i]);
                    }
                    catch (Exception ex)
                    {
                        await tx.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                        group[i].Fail(ex);
                    }
                }
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The transaction did not commit (a full disk, say): nothing of the group is saved.
            _factory.ReopenWriter();
            foreach (var write in group) write.Fail(ex);
            return;
        }
        foreach (var write in written) write.Succeed();
    }

    private abstract class Write
    {
        public abstract bool Done { get; }

        public abstract Task RunAsync(WorkflowDbContext db);

        public abstract void Succeed();

        public abstract void Fail(Exception ex);
    }

    private sealed class Write<T>(Func<WorkflowDbContext, CancellationToken, Task<T>> write) : Write
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;

        public Task<T> Outcome => _outcome.Task;

        public override bool Done => _outcome.Task.IsCompleted;

        public override async Task RunAsync(WorkflowDbContext db)
        {
            try
            {
                _value = await write(db, CancellationToken.None);
            }
            finally
            {
                // The next write of the group gets the context as this one found it: nothing this one left tracked is saved by it.
                db.ChangeTracker.Clear();
            }
        }

        public override void Succeed() => _outcome.TrySetResult(_value);

        public override void Fail(Exception ex) => _outcome.TrySetException(ex);
    }
}
