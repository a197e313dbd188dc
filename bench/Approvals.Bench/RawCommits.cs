using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Approvals.Bench;

/// <summary>
/// The floor a durable decision is compared with: plain transactions on the same disk, each inserting 6 rows into 4
/// tables that carry an index besides their key (WAL, synchronous=FULL), one after another.
/// </summary>
internal static class RawCommits
{
    public static async Task<double> PerSecondAsync(string file, int commits)
    {
        await using var raw = new SqliteConnection($"Data Source={file}");
        await raw.OpenAsync();
        await ExecAsync(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        foreach (var table in new[] { "a", "b", "c", "d" })
            await ExecAsync(raw, $"CREATE TABLE {table} (id TEXT PRIMARY KEY, owner TEXT, body TEXT); CREATE INDEX ix_{table} ON {table} " +
                "(owner);");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            await using var tx = await raw.BeginTransactionAsync();
            foreach (var table in new[] { "a", "a", "b", "b", "c", "d" })
            {
                await using var insert = raw.CreateCommand();
                insert.CommandText = $"INSERT INTO {table} (id, owner, body) VALUES ($id, $owner, $body)";
                insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString("N"));
                insert.Parameters.AddWithValue("$owner", Guid.NewGuid().ToString("N"));
                insert.Parameters.AddWithValue("$body", new string('x', 200));
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        return commits / watch.Elapsed.TotalSeconds;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
