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
}
