using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Scale;

/// <summary>
/// The host killed (<c>kill -9</c>) while it sends mail: after a restart every notification arrives, and the only
/// duplicates are the few in flight at the kill, each with the same Message-Id as its first copy.
/// </summary>
public sealed class MailKillTests
{
    [Fact]
    public async Task Mail_in_flight_at_a_kill_arrives_after_the_restart_and_no_message_is_lost()
    {
        await using var smtp = new TestSmtpServer().Start();
        var settings = new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:Security"] = "None",
            ["Mail:SendLease"] = "00:00:03", ["Mail:Parallelism"] = "4",
        };
        var first = await HostProcess.Start(settings).ReadyAsync();
        var folder = first.DataFolder;
        const int requests = 60;
        var applicant = await first.As("applicant");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            for (var i = 0; i < requests / 6; i++)
            {
                var response = await applicant.PostAsJsonAsync("/api/requests", new { type = "courtesy", data = FormData.Courtesy() });
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        }));
        // Killed while the sweep works through the mail.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (smtp.Messages.IsEmpty && DateTime.UtcNow < until) await Task.Delay(20);
        first.Kill();
        var beforeRestart = smtp.Messages.Count;

        await using var second = await HostProcess.Start(settings, folder).ReadyAsync();
        var admin = await second.As("admin");
        JsonArray rows = [];
        until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            rows = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?take=1000"))!;
            if (rows.Where(r => r!["kind"]!.GetValue<string>() == "notification")
                .All(r => r!["status"]!.GetValue<string>() == "Sent")) break;
            await Task.Delay(250);
        }
        var notifications = rows.Where(r => r!["kind"]!.GetValue<string>() == "notification").ToList();
        Assert.Equal(requests, notifications.Count);
        Assert.All(notifications, r => Assert.Equal("Sent", r!["status"]!.GetValue<string>()));

        var received = smtp.Messages.ToList();
        var ids = notifications.Select(r => $"outbox-{r!["id"]!.GetValue<long>()}@approvals.local").ToHashSet();
        Assert.True(ids.SetEquals(received.Select(m => m.MessageId ?? "")), "every notification arrived, and nothing else");
        var duplicates = received.Count - ids.Count;
        // At most the group in flight when the host died is sent again, under the same Message-Id.
        Assert.InRange(duplicates, 0, 4);
        Assert.True(beforeRestart < requests, "the host sent everything before it was killed; the drill proved nothing");
    }
}
