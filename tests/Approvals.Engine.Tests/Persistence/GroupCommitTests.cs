using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Engine.Tests.Persistence;

/// <summary>
/// On SQLite the writes that wait together are committed together: one commit for the group, each write's own answer,
/// a write that fails undone alone, and nothing of a write answered before its commit.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static Bookmark Row(string id) => new()
    {
        Id = id, WorkflowInstanceId = "i1", Name = "Elsa.Event", Hash = "h-" + id, ActivityId = "a", ActivityExecutionId = "x",
        Payload = new JsonObject(), CreatedAt = At,
    };

    [Fact]
    public async Task Writes_waiting_together_are_one_commit_each_with_its_own_answer_and_a_failing_one_is_undone_alone()
    {
        await using var engine = await TestEngine.CreateAsync();
        var factory = engine.Services.GetRequiredService<WorkflowDbContextFactory>();
        var hook = new CommitHook(factory);
        var (first, release) = await HoldWriterAsync(factory.GroupCommit, "first");
        var waiting = Enumerable.Range(1, 5).Select(i => factory.GroupCommit.RunAsync(async (db, token) =>
        {
            await new RowWriter(db).InsertAsync([Row($"w{i}")], token);
            if (i == 3) throw new InvalidOperationException("write 3 fails after inserting its row");
            return $"w{i}";
        }, CancellationToken.None)).ToList();
        // Nothing queued is committed, or answered, while the writer is busy with the first.
        await Task.Delay(100);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
        var before = hook.Count;

        release.SetResult();

        Assert.Equal("first", await first);
        foreach (var i in new[] { 1, 2, 4, 5 }) Assert.Equal($"w{i}", await waiting[i - 1]);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting[2]);
        Assert.Contains("write 3 fails", failed.Message);
        Assert.Equal(["first", "w1", "w2", "w4", "w5"], await engine.QueryAsync(db => db.Bookmarks.Select(b => b.Id).OrderBy(id => id)));
        // The first write's commit, then one for the five that waited behind it.
        Assert.Equal(2, hook.Count - before);
    }

    [Fact]
    public async Task A_write_that_waits_for_another_write_is_refused_instead_of_waiting_for_ever()
    {
        await using var engine = await TestEngine.CreateAsync();
        var commit = engine.Services.GetRequiredService<WorkflowDbContextFactory>().GroupCommit;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.RunAsync(async (db, token) =>
        {
            await new RowWriter(db).InsertAsync([Row("outer")], token);
            return await commit.RunAsync((_, _) => Task.FromResult(1), token);
        }, CancellationToken.None));

        Assert.Contains("cannot wait for another write", refused.Message);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
        // The writer goes on with the next write.
        Assert.Equal(1, await commit.RunAsync(async (db, token) =>
        {
            await new RowWriter(db).InsertAsync([Row("next")], token);
            return 1;
        }, CancellationToken.None));
        Assert.Equal(["next"], await engine.QueryAsync(db => db.Bookmarks.Select(b => b.Id)));
    }

    [Fact]
    public async Task A_group_whose_commit_fails_saves_nothing_tells_every_caller_and_the_next_write_succeeds()
    {
        await using var engine = await TestEngine.CreateAsync();
        var factory = engine.Services.GetRequiredService<WorkflowDbContextFactory>();
        var hook = new CommitHook(factory);
        var (first, release) = await HoldWriterAsync(factory.GroupCommit, row: null);
        var writes = new[] { "a", "b", "c" }.Select(id => factory.GroupCommit.RunAsync(
            (db, token) => new RowWriter(db).InsertAsync([Row(id)], token), CancellationToken.None)).ToList();
        // After the first write's commit, the group's commit fails as a full disk would fail it (SQLite rolls it back).
        hook.FailAfter = hook.Count + 2;
        release.SetResult();
        await first;

        foreach (var write in writes) Assert.Contains("constraint", (await Assert.ThrowsAsync<SqliteException>(() => write)).Message);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
        await factory.GroupCommit.RunAsync((db, token) => new RowWriter(db).InsertAsync([Row("after")], token), CancellationToken.None);
        Assert.Equal(["after"], await engine.QueryAsync(db => db.Bookmarks.Select(b => b.Id)));
    }

    /// <summary>A first write that holds the writer until released, so the writes queued meanwhile wait together behind it.</summary>
    private static async Task<(Task<string> First, TaskCompletionSource Release)> HoldWriterAsync(GroupCommit commit, string? row)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = commit.RunAsync(async (db, token) =>
        {
            started.SetResult();
            await release.Task;
            if (row is not null) await new RowWriter(db).InsertAsync([Row(row)], token);
            return "first";
        }, CancellationToken.None);
        await started.Task;
        return (first, release);
    }

    /// <summary>Counts the commits of the writer connection (SQLite's commit hook), and can turn one into a failure.</summary>
    private sealed class CommitHook
    {
        private int _count;

        public CommitHook(WorkflowDbContextFactory factory)
        {
            using var db = factory.CreateOnWriter();
            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle;
            SQLitePCL.raw.sqlite3_commit_hook(handle, _ => Interlocked.Increment(ref _count) == FailAfter ? 1 : 0, null);
        }

        public int Count => Volatile.Read(ref _count);

        /// <summary>The number of the commit to fail (a non-zero answer from the hook makes SQLite roll it back).</summary>
        public int FailAfter { get; set; } = -1;
    }
}
