using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Scale;

/// <summary>Three host processes on one PostgreSQL database: every write succeeds, every race has one winner, the audit holds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SeveralHostsTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Ninety_concurrent_submissions_over_three_hosts_succeed_and_each_task_is_decided_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var hosts = await HostGroup.StartAsync(3,
            new Dictionary<string, string> { ["ConnectionStrings:Approvals"] = database });

        var applicants = await Task.WhenAll(hosts.Select(h => h.As("applicant")));
        var submitted = await Task.WhenAll(Enumerable.Range(0, 90).Select(async i =>
        {
            var response = await applicants[i % 3].PostAsJsonAsync("/api/requests", new { type = "courtesy", data = FormData.Courtesy() });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(submitted, s => Assert.True(s.StatusCode == HttpStatusCode.Created, $"{(int)s.StatusCode}: {s.Body}"));
        var numbers = submitted.Select(s => JsonNode.Parse(s.Body)!["number"]!.GetValue<string>()).ToList();
        Assert.Equal(90, numbers.Distinct().Count());

        var reviewers = await Task.WhenAll(hosts.Select(h => h.As("protocol-division")));
        var page = await reviewers[0].GetAsync("/api/tasks?scope=candidate&pageSize=500");
        Assert.Equal("90", page.Headers.GetValues("X-Total-Count").Single());
        var taskIds = (await page.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(90, taskIds.Count);

        // Ten of them are claimed at the same moment from two hosts: one claim wins, the other is told it came second.
        var claims = await Task.WhenAll(taskIds.Take(10).Select(async (id, i) =>
            (await Task.WhenAll(reviewers[i % 3].PostAsync($"/api/tasks/{id}/claim", null),
                reviewers[(i + 1) % 3].PostAsync($"/api/tasks/{id}/claim", null)))
                .Select(r => r.StatusCode).ToList()));
        Assert.All(claims, statuses =>
        {
            Assert.Single(statuses, HttpStatusCode.OK);
            Assert.Single(statuses, HttpStatusCode.Conflict);
        });

        // Each task is decided at the same moment from two different hosts.
        var races = await Task.WhenAll(taskIds.Select(async (id, i) =>
        {
            var first = reviewers[i % 3].PostAsJsonAsync($"/api/tasks/{id}/decision",
                new { outcome = "Approved", operationId = $"a-{id}" });
            var second = reviewers[(i + 1) % 3].PostAsJsonAsync($"/api/tasks/{id}/decision",
                new { outcome = "Approved", operationId = $"b-{id}" });
            return (await Task.WhenAll(first, second)).Select(r => r.StatusCode).ToList();
        }));

        Assert.All(races, statuses =>
        {
            Assert.Single(statuses, HttpStatusCode.OK);
            Assert.Single(statuses, HttpStatusCode.Conflict);
        });
        var admin = await hosts[2].As("admin");
        var audit = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify"))!;
        Assert.True(audit["isIntact"]!.GetValue<bool>(), audit.ToJsonString());
        // Submitted + decided for each request.
        Assert.True(audit["verifiedEntries"]!.GetValue<long>() >= 180, audit.ToJsonString());
    }

    [SkippableFact]
    public async Task A_reminder_every_two_seconds_across_three_hosts_arrives_once_each_and_none_after_the_decision()
    {
        var database = await server.CreateDatabaseAsync();
        await using var smtp = new TestSmtpServer().Start();
        await using var hosts = await HostGroup.StartAsync(3, new Dictionary<string, string>
        {
            ["ConnectionStrings:Approvals"] = database,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(),
            ["Smtp:Security"] = "None",
        });
        var instance = await Drills.StartReminderDrillAsync(await hosts[0].As("admin"), "drill-hosts", "PT2S", 3);

        var reminders = await smtp.WaitForAsync(all => all.Count(m => Drills.IsReminder(m, "drill-hosts")) >= 3, TimeSpan.FromSeconds(40));
        await Drills.DecideAsync(await hosts[1].As("fao-director"), instance);
        var atDecision = smtp.Messages.Count(m => Drills.IsReminder(m, "drill-hosts"));
        await Task.Delay(TimeSpan.FromSeconds(6));

        var sent = smtp.Messages.Where(m => Drills.IsReminder(m, "drill-hosts")).ToList();
        Assert.Equal(atDecision, sent.Count);
        // The first three reminders, each exactly once, though three hosts sweep the timers.
        foreach (var n in new[] { 1, 2, 3 })
            Assert.Single(sent, m => (m.TextBody ?? "").Contains($"第 {n} 次", StringComparison.Ordinal));
        Assert.Equal(sent.Count, sent.Select(m => m.MessageId).Distinct().Count());
        Assert.True(reminders.Count(m => Drills.IsReminder(m, "drill-hosts")) >= 3);
    }
}
