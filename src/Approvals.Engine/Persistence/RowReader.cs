using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Approvals.Engine.Persistence;

/// <summary>
/// The reads every decision makes (its task, its instance, the instance's bookmarks) and a mail sweep's reads, on SQLite: through
/// connections this host keeps open, each keeping the statements it has run prepared. Through Entity Framework each such read cost
/// 60–130 µs (a pooled connection opened and closed, the statement prepared anew, the query pipeline); a kept, prepared statement
/// 20–35 µs. Rows are read with <see cref="RowShape{T}"/>, so they equal what Entity Framework reads.
/// </summary>
/// <remarks>
/// A connection between reads holds no read transaction (a statement's reader ends it), so it never holds back the
/// writer's checkpoint, and each read sees every commit made before it. Its page cache is dropped whenever another
/// connection has written, so an idle connection holds little memory; a few are kept (two per core), more are opened
/// when more read at once and closed after.
/// </remarks>
public sealed class RowReader(string connectionString) : IDisposable
{
    // Last in, first out: the connections lent are the same few whenever reads do not overlap.
    private readonly ConcurrentStack<KeptConnection> _idle = new();
    private readonly int _keep = 2 * Environment.ProcessorCount;
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>
    /// Runs <paramref name="sql"/> (parameters <c>@p0</c>, <c>@p1</c>… bound to <paramref name="parameters"/> in order) and
    /// returns what <paramref name="read"/> makes of its rows.
    /// </summary>
    public TResult Read<TResult>(string sql, IReadOnlyList<object?> parameters, Func<DbDataReader, TResult> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var kept = Lend();
        TResult result;
        try
        {
            var command = kept.Statement(sql, parameters.Count);
            for (var i = 0; i < parameters.Count; i++) command.Parameters[i].Value = parameters[i] ?? DBNull.Value;
            using (var reader = command.ExecuteReader()) result = read(reader);
        }
        catch
        {
            // What state a failed statement left the connection in is not known: it is not lent again.
            kept.Dispose();
            throw;
        }
        GiveBack(kept);
        return result;
    }

    /// <summary>The first row <paramref name="sql"/> selects, read by <paramref name="read"/>; null when it selects none.</summary>
    public T? ReadFirst<T>(string sql, IReadOnlyList<object?> parameters, Func<DbDataReader, T> read) where T : class =>
        Read(sql, parameters, reader => reader.Read() ? read(reader) : null);

    /// <summary>Every row <paramref name="sql"/> selects, each read by <paramref name="read"/>.</summary>
    public List<T> ReadAll<T>(string sql, IReadOnlyList<object?> parameters, Func<DbDataReader, T> read) =>
        Read(sql, parameters, reader =>
        {
            var rows = new List<T>();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        });

    private KeptConnection Lend()
    {
        if (!_idle.TryPop(out var kept)) return new KeptConnection(connectionString);
        Interlocked.Decrement(ref _idleCount);
        return kept;
    }

    private void GiveBack(KeptConnection kept)
    {
        if (!_disposed && Interlocked.Increment(ref _idleCount) <= _keep)
        {
            _idle.Push(kept);
            // Disposed meanwhile: what was pushed after the drain is closed here.
            if (_disposed) Dispose();
            return;
        }
        if (!_disposed) Interlocked.Decrement(ref _idleCount);
        kept.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var kept)) kept.Dispose();
    }

    /// <summary>An open connection with the statements run on it, prepared.</summary>
    private sealed class KeptConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

        public KeptConnection(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public SqliteCommand Statement(string sql, int parameters)
        {
            if (_statements.TryGetValue(sql, out var command)) return command;
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter($"@p{i}", DBNull.Value));
            command.Prepare();
            _statements[sql] = command;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _statements.Values) command.Dispose();
            _connection.Dispose();
        }
    }
}
