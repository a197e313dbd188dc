using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Engine.Tests.Persistence;

/// <summary>
/// Rows read with hand-written statements through SQLite's kept connections equal the rows Entity Framework reads (times to
/// the tick, enums, JSON, nulls), and a kept connection sees every commit made before each read.
/// </summary>
public sealed class RowReaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 2, 8, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private WorkflowDbContextFactory Factory => _engine.Services.GetRequiredService<WorkflowDbContextFactory>();

    private RowReader Reads => Factory.Reads ?? throw new InvalidOperationException("The test engine runs on SQLite.");

    [Fact]
    public async Task Rows_read_by_their_shape_equal_what_Entity_Framework_reads()
    {
        var bookmarks = new[]
        {
            new Bookmark
            {
                Id = "b1", WorkflowInstanceId = "i1", Name = "Elsa.Delay", Hash = "h1", ActivityId = "delay", ActivityExecutionId = "x1",
                Payload = new JsonObject { ["note"] = "审批", ["n"] = 3.5, ["list"] = new JsonArray(1, null, "二") },
                ResumeAt = At.AddDays(2), LeaseUntil = At.AddMinutes(1), CorrelationId = "c-1", CreatedAt = At,
            },
            new Bookmark
            {
                Id = "b2", WorkflowInstanceId = "i1", Name = "Approvals.Review", Hash = "h2", ActivityId = "review",
                ActivityExecutionId = "x2", CreatedAt = At.AddTicks(1),
            },
        };
        var instances = new[]
        {
            new WorkflowInstanceRecord
            {
                Id = "i1", DefinitionId = "d", DefinitionVersionId = "d:v2", DefinitionVersion = 2, CorrelationId = "c-1", Name = "礼遇请示",
                Status = WorkflowStatus.Running, SubStatus = WorkflowSubStatus.Suspended, CreatedAt = At, UpdatedAt = At.AddSeconds(3),
                IncidentCount = 1, Data = "{\"id\":\"i1\"}", ConcurrencyVersion = 41,
            },
            new WorkflowInstanceRecord
            {
                Id = "i2", DefinitionId = "d", DefinitionVersionId = "d:v1", DefinitionVersion = 1, Status = WorkflowStatus.Finished,
                SubStatus = WorkflowSubStatus.Faulted, CreatedAt = At, UpdatedAt = At, FinishedAt = At.AddHours(1), Data = "{}",
            },
        };
        await using (var db = _engine.Db())
        {
            db.Bookmarks.AddRange(bookmarks);
            db.Instances.AddRange(instances);
            await db.SaveChangesAsync();
        }

        var model = Factory.Model;
        var bookmarkShape = RowShape<Bookmark>.Of(model);
        var instanceShape = RowShape<WorkflowInstanceRecord>.Of(model);
        var readBookmarks = Reads.ReadAll($"SELECT {bookmarkShape.Columns("b")} FROM {bookmarkShape.Table} AS b ORDER BY b.\"Id\"", [],
            r => bookmarkShape.Read(r));
        var readInstances = Reads.ReadAll($"SELECT {instanceShape.Columns("i")} FROM {instanceShape.Table} AS i ORDER BY i.\"Id\"", [],
            r => instanceShape.Read(r));

        Assert.Equal(Json(await _engine.QueryAsync(db => db.Bookmarks.AsNoTracking().OrderBy(b => b.Id))), Json(readBookmarks));
        Assert.Equal(Json(await _engine.QueryAsync(db => db.Instances.AsNoTracking().OrderBy(i => i.Id))), Json(readInstances));
        // Not only equal to each other: equal to what was written (the instant, the JSON, the nulls).
        Assert.Equal(At, readBookmarks[0].CreatedAt);
        Assert.Equal(At.AddTicks(1), readBookmarks[1].CreatedAt);
        Assert.Null(readBookmarks[1].Payload);
        Assert.True(JsonNode.DeepEquals(bookmarks[0].Payload, readBookmarks[0].Payload), readBookmarks[0].Payload?.ToJsonString());
        Assert.Equal([WorkflowSubStatus.Suspended, WorkflowSubStatus.Faulted], readInstances.Select(i => i.SubStatus));
        Assert.Equal(new DateTimeOffset?[] { null, At.AddHours(1) }, readInstances.Select(i => i.FinishedAt));
        Assert.Equal(41L, readInstances[0].ConcurrencyVersion);
    }

    [Fact]
    public async Task A_kept_connection_sees_each_commit_made_before_a_read()
    {
        var shape = RowShape<WorkflowInstanceRecord>.Of(Factory.Model);
        var sql = $"SELECT {shape.Columns("i")} FROM {shape.Table} AS i WHERE i.{shape.Column(nameof(WorkflowInstanceRecord.Id))} = @p0";
        Assert.Null(Reads.ReadFirst(sql, ["i1"], r => shape.Read(r)));

        await using (var db = _engine.Db())
        {
            db.Instances.Add(new WorkflowInstanceRecord
            {
                Id = "i1", DefinitionId = "d", DefinitionVersionId = "v", Data = "{\"n\":1}", CreatedAt = At, UpdatedAt = At,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal("{\"n\":1}", Reads.ReadFirst(sql, ["i1"], r => shape.Read(r))?.Data);

        await using (var db = _engine.Db())
            await db.Instances.Where(i => i.Id == "i1").ExecuteUpdateAsync(u => u.SetProperty(i => i.Data, "{\"n\":2}"));
        Assert.Equal("{\"n\":2}", Reads.ReadFirst(sql, ["i1"], r => shape.Read(r))?.Data);
    }

    [Fact]
    public async Task Reads_at_once_on_many_threads_each_get_their_own_rows()
    {
        await using (var db = _engine.Db())
        {
            db.Instances.AddRange(Enumerable.Range(0, 40).Select(n => new WorkflowInstanceRecord
            {
                Id = $"i{n}", DefinitionId = "d", DefinitionVersionId = "v", Data = $"{{\"n\":{n}}}", CreatedAt = At, UpdatedAt = At,
            }));
            await db.SaveChangesAsync();
        }
        var shape = RowShape<WorkflowInstanceRecord>.Of(Factory.Model);
        var sql = shape.Select("{Id} = @p0");

        // Kept statements are shared by whoever borrows their connection next: a value bound for one read must never reach another.
        var reads = await Task.WhenAll(Enumerable.Range(0, 400).Select(k => Task.Run(() =>
            (Expected: $"{{\"n\":{k % 40}}}", Read: Reads.ReadFirst(sql, [$"i{k % 40}"], r => shape.Read(r))?.Data))));

        Assert.All(reads, r => Assert.Equal(r.Expected, r.Read));
    }

    [Fact]
    public void A_failed_statement_is_reported_and_the_next_read_works()
    {
        var error = Assert.Throws<SqliteException>(() => Reads.ReadAll("SELECT \"Nothing\" FROM \"Bookmarks\"", [], r => r.GetString(0)));
        Assert.Contains("Nothing", error.Message);

        Assert.Equal([0L], Reads.ReadAll("SELECT COUNT(*) FROM \"Bookmarks\"", [], r => r.GetInt64(0)));
    }

    [Fact]
    public void A_property_the_model_does_not_have_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RowShape<Bookmark>.Of(Factory.Model).Column("Nothing"));
        Assert.Contains("Nothing", error.Message);
    }

    private static string Json<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows.ToList());
}
