using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Tests.Support;
using Approvals.Testing;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Tests.Persistence;

/// <summary>
/// Rows written with plain statements read back through Entity Framework exactly as if <c>SaveChanges</c> had written
/// them (times, enums as text, JSON), and the writer reports what <c>SaveChanges</c> reports: a missing row as a
/// concurrency conflict, a duplicate key as an update failure, nothing of a rolled-back transaction kept.
/// </summary>
public abstract class RowWriterTests
{
    protected abstract Task<TestEngine> EngineAsync();

    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 2, 8, 0, 0, 123, TimeSpan.Zero).AddTicks(4560);

    private static Bookmark Timer(string id, DateTimeOffset? resumeAt) => new()
    {
        Id = id, WorkflowInstanceId = "i1", Name = "Elsa.Delay", Hash = "h-" + id, ActivityId = "delay", ActivityExecutionId = "x1",
        Payload = new JsonObject { ["note"] = "审批", ["n"] = 3, ["list"] = new JsonArray(1, 2) }, ResumeAt = resumeAt, CreatedAt = At,
    };

    [SkippableFact]
    public async Task Inserted_rows_read_back_through_the_model_unchanged()
    {
        await using var engine = await EngineAsync();
        await WriteAsync(engine, rows => rows.InsertAsync([Timer("b1", At.AddDays(3)), Timer("b2", null)], default));

        var read = (await engine.QueryAsync(db => db.Bookmarks.OrderBy(b => b.Id))).ToList();
        Assert.Equal(["b1", "b2"], read.Select(b => b.Id));
        Assert.Equal(At, read[0].CreatedAt);
        Assert.Equal(At.AddDays(3), read[0].ResumeAt);
        Assert.Null(read[1].ResumeAt);
        Assert.True(JsonNode.DeepEquals(Timer("b1", null).Payload, read[0].Payload), read[0].Payload?.ToJsonString());
        // Stored values are compared in SQL as the model compares them (ticks on SQLite, timestamps on PostgreSQL).
        Assert.Equal(["b1"], await engine.QueryAsync(db => db.Bookmarks.Where(b => b.ResumeAt > At).Select(b => b.Id)));
    }

    [SkippableFact]
    public async Task A_generated_key_is_read_back_onto_each_row()
    {
        await using var engine = await EngineAsync();
        var messages = Enumerable.Range(0, 3).Select(i => new OutboxMessage
        {
            Kind = "mail", WorkflowInstanceId = "i1", Body = new JsonObject { ["n"] = i }, CreatedAt = At,
        }).ToList();
        await WriteAsync(engine, rows => rows.InsertAsync(messages, default));

        Assert.Equal(3, messages.Select(m => m.Id).Distinct().Count());
        foreach (var message in messages)
        {
            var stored = Assert.Single(await engine.QueryAsync(db => db.Outbox.Where(m => m.Id == message.Id)));
            Assert.Equal(message.Body["n"]!.GetValue<int>(), stored.Body["n"]!.GetValue<int>());
            Assert.Equal(OutboxStatus.Pending, stored.Status);
        }
    }

    [SkippableFact]
    public async Task Updates_match_every_condition_and_count_the_rows_they_changed()
    {
        await using var engine = await EngineAsync();
        await WriteAsync(engine, rows => rows.InsertAsync([Timer("b1", At), Timer("b2", null), Timer("b3", At)], default));

        var changed = 0;
        await WriteAsync(engine, async rows => changed = await rows.UpdateAsync<Bookmark>(
            [new RowValue(nameof(Bookmark.LeaseUntil), At.AddMinutes(1))],
            [new RowCondition(nameof(Bookmark.Id), "b1", "b2", "b9"), new RowCondition(nameof(Bookmark.ResumeAt), At, null)], default));
        var unchanged = 0;
        await WriteAsync(engine, async rows => unchanged = await rows.UpdateAsync<Bookmark>(
            [new RowValue(nameof(Bookmark.LeaseUntil), At)],
            [new RowCondition(nameof(Bookmark.Id), "b3"), new RowCondition(nameof(Bookmark.ResumeAt), [null])], default));

        Assert.Equal(2, changed);
        Assert.Equal(0, unchanged);
        var leased = await engine.QueryAsync(db => db.Bookmarks.Where(b => b.LeaseUntil != null).OrderBy(b => b.Id).Select(b => b.Id));
        Assert.Equal(["b1", "b2"], leased);
    }

    [SkippableFact]
    public async Task A_row_gone_meanwhile_is_a_concurrency_conflict_and_the_transaction_keeps_nothing()
    {
        await using var engine = await EngineAsync();
        await WriteAsync(engine, rows => rows.InsertAsync([Timer("b1", null)], default));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            WriteAsync(engine, async rows =>
            {
                await rows.InsertAsync([Timer("b2", null)], default);
                await rows.DeleteAsync([Timer("b1", null), Timer("gone", null)], default);
            }));
        var stale = new WorkflowInstanceRecord
        {
            Id = "i1", DefinitionId = "d", DefinitionVersionId = "v", Data = "{}", CreatedAt = At, UpdatedAt = At, ConcurrencyVersion = 1,
        };
        await WriteAsync(engine, rows => rows.InsertAsync([stale], default));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => WriteAsync(engine, rows =>
            rows.UpdateRowAsync(stale, [nameof(stale.Data)], [new RowCondition(nameof(stale.ConcurrencyVersion), 7L)], default)));

        Assert.Equal(["b1"], await engine.QueryAsync(db => db.Bookmarks.Select(b => b.Id)));
        Assert.Equal(["{}"], await engine.QueryAsync(db => db.Instances.Select(i => i.Data)));
    }

    [SkippableFact]
    public async Task A_duplicate_key_fails_as_an_update_failure_naming_the_database_error()
    {
        await using var engine = await EngineAsync();
        await WriteAsync(engine, rows => rows.InsertAsync([Timer("b1", null)], default));

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() =>
            WriteAsync(engine, rows => rows.InsertAsync([Timer("b1", null)], default)));

        Assert.IsNotType<DbUpdateConcurrencyException>(failure);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(failure.InnerException);
    }

    [SkippableFact]
    public async Task Writing_outside_a_transaction_is_refused()
    {
        await using var engine = await EngineAsync();
        await using var db = engine.Db();

        var refused = Assert.Throws<InvalidOperationException>(() => new RowWriter(db));
        Assert.Contains("transaction", refused.Message);
    }

    [SkippableFact]
    public async Task Statements_kept_prepared_on_a_connection_write_each_use_s_own_values()
    {
        await using var engine = await EngineAsync();
        await using var db = engine.Db();
        await db.Database.OpenConnectionAsync();
        RowWriter.KeepPrepared(db.Database.GetDbConnection());
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < 3; i++)
        {
            // Short, then much longer, then empty values through the same prepared statements and parameters.
            var text = i == 1 ? new string('長', 5_000) : i == 0 ? "x" : "";
            await using var tx = await db.Database.BeginTransactionAsync();
            var rows = new RowWriter(db);
            var message = new OutboxMessage
            {
                Kind = "mail", WorkflowInstanceId = i == 2 ? null : $"i{i}", Body = new JsonObject { ["text"] = text },
                CreatedAt = At.AddMinutes(i),
                Status = i == 1 ? OutboxStatus.Failed : OutboxStatus.Pending, LastError = i == 1 ? text : null,
            };
            await rows.InsertAsync([message], default);
            await rows.UpdateAsync<OutboxMessage>([new RowValue(nameof(OutboxMessage.Attempts), i)],
                [new RowCondition(nameof(OutboxMessage.Id), message.Id)], default);
            await tx.CommitAsync();
            messages.Add(message);
        }

        var stored = await engine.QueryAsync(db => db.Outbox.OrderBy(m => m.Id));
        Assert.Equal(messages.Select(m => m.Id), stored.Select(m => m.Id));
        Assert.Equal(["x", new string('長', 5_000), ""], stored.Select(m => m.Body["text"]!.GetValue<string>()));
        Assert.Equal([null, new string('長', 5_000), null], stored.Select(m => m.LastError));
        Assert.Equal(["i0", "i1", null], stored.Select(m => m.WorkflowInstanceId));
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Failed, OutboxStatus.Pending], stored.Select(m => m.Status));
        Assert.Equal([0, 1, 2], stored.Select(m => m.Attempts));
        Assert.Equal([At, At.AddMinutes(1), At.AddMinutes(2)], stored.Select(m => m.CreatedAt));
    }

    private static async Task WriteAsync(TestEngine engine, Func<RowWriter, Task> write)
    {
        await using var db = engine.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await write(new RowWriter(db));
        await tx.CommitAsync();
    }
}

public sealed class SqliteRowWriterTests : RowWriterTests
{
    protected override Task<TestEngine> EngineAsync() => TestEngine.CreateAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRowWriterTests(PostgresServer server) : RowWriterTests
{
    protected override async Task<TestEngine> EngineAsync() =>
        await TestEngine.CreateAsync(connectionString: await server.CreateDatabaseAsync());
}
