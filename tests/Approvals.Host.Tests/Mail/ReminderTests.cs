using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Host.Tests.Mail;

/// <summary>Reminders and escalation on real Hangfire storage with second-scale durations; a restart loses nothing.</summary>
public sealed class ReminderTests
{
    private static async Task<string> StartAsync(ApprovalsHost host, string id, string interval, int maxReminders) =>
        await Drills.StartReminderDrillAsync(await host.As("admin"), id, interval, maxReminders);

    private static async Task DecideAsync(ApprovalsHost host, string instanceId) =>
        await Drills.DecideAsync(await host.As("fao-director"), instanceId);

    private static bool Reminder(MimeMessage m, string id) => Drills.IsReminder(m, id);

    [Fact]
    public async Task Reminders_arrive_at_the_interval_then_the_escalation_and_a_decision_stops_them()
    {
        await using var mail = new MailHost();
        var instance = await StartAsync(mail.Host, "drill-escalate", "PT2S", 2);

        var received = await mail.Smtp.WaitForAsync(all => all.Any(m => m.Headers["X-Approvals-Template"] == "escalation"
            && (m.Subject ?? "").Contains("drill-escalate")));

        var reminders = received.Where(m => Reminder(m, "drill-escalate")).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Equal("fao-director@approvals.test", m.To.Mailboxes.Single().Address));
        Assert.Contains("第 1 次", reminders[0].TextBody);
        Assert.Contains("第 2 次", reminders[1].TextBody);
        Assert.True(reminders[1].Date - reminders[0].Date >= TimeSpan.FromSeconds(1), "the second reminder came before the interval");
        var escalation = received.Single(m => m.Headers["X-Approvals-Template"] == "escalation"
            && (m.Subject ?? "").Contains("drill-escalate"));
        Assert.Equal("city-leadership@approvals.test", escalation.To.Mailboxes.Single().Address);

        await DecideAsync(mail.Host, instance);
        var count = mail.Smtp.Messages.Count(m => Reminder(m, "drill-escalate"));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(count, mail.Smtp.Messages.Count(m => Reminder(m, "drill-escalate")));
    }

    [Fact]
    public async Task No_reminder_is_sent_after_the_decision()
    {
        await using var mail = new MailHost();
        var instance = await StartAsync(mail.Host, "drill-stop", "PT2S", 0);
        await mail.Smtp.WaitForAsync(all => all.Any(m => Reminder(m, "drill-stop")));

        await DecideAsync(mail.Host, instance);
        var atDecision = mail.Smtp.Messages.Count(m => Reminder(m, "drill-stop"));
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Equal(atDecision, mail.Smtp.Messages.Count(m => Reminder(m, "drill-stop")));
        var admin = await mail.Host.As("admin");
        var bookmarks = (await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-instances/{instance}"))!["workflowState"]!["bookmarks"]!.AsArray();
        Assert.Empty(bookmarks);
    }

    [Fact]
    public async Task A_reminder_scheduled_before_a_crash_still_arrives_once_after_restart()
    {
        await using var smtp = new TestSmtpServer().Start();
        var first = MailHost.Configure(new ApprovalsHost { KeepDataOnDispose = true }, smtp.Port);
        var instance = await StartAsync(first, "drill-restart", "PT5S", 0);
        var folder = first.DataFolder;
        // The reminder is the bookmark row written with the stage; nothing is scheduled in Hangfire per timer.
        Assert.Equal(0, first.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledCount());
        var admin = await first.As("admin");
        var bookmarks = (await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-instances/{instance}"))!["workflowState"]!["bookmarks"]!.AsArray();
        Assert.Contains(bookmarks, b => b!["resumeAt"] is not null);
        // The process goes away before the reminder is due, and the job store goes with it.
        await first.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(folder, "hangfire.db"));
        Assert.DoesNotContain(smtp.Messages, m => Reminder(m, "drill-restart"));

        await using var second = MailHost.Configure(new ApprovalsHost(), smtp.Port).OnFolderOf(first);
        await second.As("admin");
        await smtp.WaitForAsync(all => all.Any(m => Reminder(m, "drill-restart")), TimeSpan.FromSeconds(30));
        await DecideAsync(second, instance);

        Assert.Single(smtp.Messages, m => Reminder(m, "drill-restart"));
    }

    [Fact]
    public async Task After_a_transfer_reminders_go_to_the_new_holder()
    {
        await using var mail = new MailHost();
        var instance = await StartAsync(mail.Host, "drill-transfer", "PT2S", 10);
        var director = await mail.Host.As("fao-director");
        var task = (await director.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!.Single(t =>
            t!["workflowInstanceId"]!.GetValue<string>() == instance)!;
        var users = (await (await mail.Host.As("admin")).GetFromJsonAsync<JsonArray>("/api/admin/users"))!;
        var liaison = users.Single(u => u!["userName"]!.GetValue<string>() == "fao-liaison")!["id"]!.GetValue<string>();

        var transferred = await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/reassign",
            new { toUserId = liaison, comment = "请代为处理" });
        Assert.True(transferred.IsSuccessStatusCode, await transferred.Content.ReadAsStringAsync());
        var before = mail.Smtp.Messages.Count(m => Reminder(m, "drill-transfer"));

        var received = await mail.Smtp.WaitForAsync(all => all.Count(m => Reminder(m, "drill-transfer")) >= before + 2);
        var after = received.Where(m => Reminder(m, "drill-transfer")).Skip(before + 1).ToList();
        Assert.All(after, m => Assert.Equal("fao-liaison@approvals.test", m.To.Mailboxes.Single().Address));
    }
}
