using System.Text.Json.Nodes;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Approvals.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Runtime;

/// <summary>The same runtime on real PostgreSQL, selected by the connection string alone.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRuntimeTests(PostgresServer server)
{
    private static string Definition(string id) => new Flow(id)
        .Activity("wait", "Elsa.Event", ("eventName", Literal("go")))
        .Activity("delay", "Elsa.Delay", ("timeSpan", Literal("PT5M", "TimeSpan")))
        .Activity("after", "Elsa.WriteLine", ("text", Js("'resumed with ' + getOutputFrom('wait', 'Result').n")))
        .Connect("wait", "delay").Connect("delay", "after").ToString();

    [SkippableFact]
    public async Task Migrations_apply_and_an_instance_survives_a_restart()
    {
        await using var engine = await TestEngine.CreateAsync(connectionString: await server.CreateDatabaseAsync());
        Assert.Equal(DatabaseProvider.PostgreSql, engine.Services.GetRequiredService<WorkflowDbContextFactory>().Provider);
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(Definition("pg-durable")));

        await engine.RestartAsync();
        Assert.Equal(1, (await engine.Runtime.PublishEventAsync("go", new JsonObject { ["n"] = 4 })).Matched);
        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync());

        Assert.Equal(["resumed with 4"], engine.Output.Lines);
        var state = await engine.Runtime.GetStateAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state!.Status);
    }

    [SkippableFact]
    public async Task Fifty_parallel_resumes_from_two_hosts_let_exactly_one_win()
    {
        await using var engine = await TestEngine.CreateAsync(connectionString: await server.CreateDatabaseAsync());
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(Definition("pg-race")));
        var bookmark = Assert.Single(started.Bookmarks);
        var runtimes = new[] { engine.Runtime, engine.CreatePeerRuntime() };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await runtimes[i % 2].ResumeAsync(bookmark.Id, new JsonObject { ["payload"] = new JsonObject { ["n"] = i } });
                return "won";
            }
            catch (BookmarkNotFoundException)
            {
                return "gone";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        var delays = await engine.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == started.InstanceId));
        Assert.Single(delays);
        Assert.Single(await engine.QueryAsync(db => db.Journal.Where(j => j.ActivityId == "wait" && j.EventName == "Completed")));
    }
}
