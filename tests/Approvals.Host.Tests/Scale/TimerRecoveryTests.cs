using Approvals.Host.Tests.Support;
using Npgsql;

namespace Approvals.Host.Tests.Scale;

/// <summary>
/// Timers are rows claimed under a lease: a host killed while it holds claims, or a database that goes away while timers
/// fall due, delays them by seconds and never loses or repeats one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TimerRecoveryTests(PostgresServer server)
{
    private const int Instances = 300;
    private const int Late = 30;

    [SkippableFact]
    public async Task Timers_a_killed_host_had_claimed_fire_once_on_another_host_within_seconds()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Approvals"] = database, ["Hangfire:TimerLease"] = "00:00:03" };
        var first = await HostProcess.Start(settings).ReadyAsync();
        await using (first)
        {
            var admin = await first.As("admin");
            await Drills.PublishAsync(admin, "drill-kill", Drills.TimerDrill("drill-kill", "PT6S"));
            // Timers not yet due when the host dies, whatever its speed: some work is always left to another host.
            await Drills.PublishAsync(admin, "drill-kill-late", Drills.TimerDrill("drill-kill-late", "PT15S"));
            await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                for (var i = 0; i < Instances / 10; i++) await Drills.ExecuteAsync(admin, "drill-kill");
                for (var i = 0; i < Late / 10; i++) await Drills.ExecuteAsync(admin, "drill-kill-late");
            }));
            // Killed as its sweep is working through the timers that just fell due.
            await WaitUntilAsync(async () => await ScalarAsync(database,
                """SELECT count(*) FROM "Bookmarks" WHERE "LeaseUntil" IS NOT NULL""") > 0,
                TimeSpan.FromSeconds(30));
            first.Kill();
        }
        var stranded = await ScalarAsync(database, """SELECT count(*) FROM "Bookmarks" WHERE "ResumeAt" IS NOT NULL""");
        Assert.True(stranded > 0, "the host finished every timer before it was killed; nothing was left to recover");

        await using var second = await HostProcess.Start(settings).ReadyAsync();
        await WaitUntilAsync(async () => await FinishedAsync(database, "drill-kill") == Instances
            && await FinishedAsync(database, "drill-kill-late") == Late, TimeSpan.FromSeconds(40));

        Assert.Equal(0, await ScalarAsync(database, """SELECT count(*) FROM "Bookmarks" """));
        await AssertFiredOnceAsync(database);
    }

    [SkippableFact]
    public async Task Timers_that_fall_due_while_the_database_is_away_fire_once_when_it_returns()
    {
        // A server of its own: this test stops it.
        var own = new PostgresServer();
        await own.InitializeAsync();
        try
        {
            var database = await own.CreateDatabaseAsync();
            await using var host = await HostProcess.Start(new Dictionary<string, string>
            {
                ["ConnectionStrings:Approvals"] = database,
                ["Hangfire:TimerLease"] = "00:00:03",
            }).ReadyAsync();
            var admin = await host.As("admin");
            await Drills.PublishAsync(admin, "drill-outage", Drills.TimerDrill("drill-outage", "PT3S"));
            for (var i = 0; i < 20; i++) await Drills.ExecuteAsync(admin, "drill-outage");

            await own.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.False(host.HasExited, "the host died with its database:\n" + host.Output);
            await own.StartAsync();

            await WaitUntilAsync(async () => await FinishedAsync(database, "drill-outage") == 20, TimeSpan.FromSeconds(30));
            await AssertFiredOnceAsync(database);
            var health = await new HttpClient { BaseAddress = host.Address }.GetAsync("/health");
            Assert.True(health.IsSuccessStatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static async Task AssertFiredOnceAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT i."Id", (SELECT count(*) FROM "ActivityExecutions" a WHERE a."WorkflowInstanceId" = i."Id" AND a."ActivityId" = 'after')
            FROM "WorkflowInstances" i
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.True(reader.GetInt64(1) == 1,
                $"instance {reader.GetString(0)} ran the activity after its timer {reader.GetInt64(1)} times");
        }
        Assert.True(rows > 0);
    }

    private static Task<long> FinishedAsync(string database, string definitionId) =>
        ScalarAsync(database,
            $"""SELECT count(*) FROM "WorkflowInstances" WHERE "DefinitionId" = '{definitionId}' AND "Status" = 'Finished'""");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(10);
        }
    }
}
