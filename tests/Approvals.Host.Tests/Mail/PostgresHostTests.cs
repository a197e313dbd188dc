using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using MimeKit;

namespace Approvals.Host.Tests.Mail;

/// <summary>The whole host on PostgreSQL, chosen by the connection string: state, identity and Hangfire all there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    [SkippableFact]
    public async Task A_request_runs_with_state_identity_and_jobs_on_postgresql()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var smtp = new TestSmtpServer().Start();
        await using var host = MailHost.Configure(new ApprovalsHost(), smtp.Port);
        host.Settings["ConnectionStrings:Approvals"] = connectionString;

        var id = (await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        await host.DecideOkAsync("sister-city-division", id, "Approved");

        var mails = await smtp.WaitForAsync(all => all.Any(m => m.Headers["X-Approvals-Template"] == "stage-cleared"));
        Assert.Contains(mails, m => m.To.Mailboxes.Any(a => a.Address == "fao-director@approvals.test"));
        var details = await host.RequestAsync("applicant", id);
        Assert.Equal("director", details["currentTasks"]![0]!["stage"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(host.DataFolder, "approvals.db")), "state went to SQLite instead of PostgreSQL");
        Assert.False(File.Exists(Path.Combine(host.DataFolder, "hangfire.db")), "jobs went to SQLite instead of PostgreSQL");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM hangfire.job", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
    }

    [SkippableFact]
    public async Task The_inbox_finds_words_of_titles_and_filters_by_type_on_postgresql()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var host = new ApprovalsHost();
        host.Settings["ConnectionStrings:Approvals"] = connectionString;
        var ids = new List<string>();
        foreach (var delegation in new[] { "日本友好代表团 来访", "韩国经贸代表团", "艺术代表 表演团" })
        {
            var data = FormData.Courtesy();
            data["delegationName"] = delegation;
            ids.Add((await host.SubmitAsync("applicant", "courtesy", data))["id"]!.GetValue<string>());
        }
        await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var protocol = await host.As("protocol-division");

        async Task<List<string>> Found(string q) =>
            (await protocol.GetFromJsonAsync<JsonArray>($"/api/tasks?sort=created&q={Uri.EscapeDataString(q)}"))!
                .Select(t => t!["requestId"]!.GetValue<string>()).ToList();
        Assert.Equal([ids[0]], await Found("日本"));
        Assert.Equal([ids[0], ids[1]], await Found("代表团"));
        Assert.Equal([ids[1]], await Found("代表团 韩国"));
        Assert.Equal([ids[0]], await Found("本友好"));
        Assert.Equal([ids[0]], await Found("日"));
        Assert.Empty(await Found("代表演"));
        Assert.Equal([ids[2]], await Found("表演团"));
        var courtesy = await protocol.GetAsync("/api/tasks?type=courtesy&pageSize=2");
        Assert.Equal("3", courtesy.Headers.GetValues("X-Total-Count").Single());

        await host.DecideOkAsync("protocol-division", ids[0], "Approved");
        Assert.Empty(await Found("日本"));
        Assert.Equal([ids[1]], await Found("代表团"));
    }
}
