using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Host.Mail;
using Approvals.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Approvals.Host.Tests.Mail;

/// <summary>Mail through the outbox, Hangfire and MailKit to a real SMTP server on 127.0.0.1.</summary>
public sealed class MailDeliveryTests
{
    private static bool Is(MimeMessage m, string to, string template) =>
        m.To.Mailboxes.Any(a => a.Address == to) && m.Headers["X-Approvals-Template"] == template;

    [Fact]
    public async Task A_sister_city_run_mails_every_assignment_and_every_stage_clearance()
    {
        await using var mail = new MailHost();
        var host = mail.Host;
        var id = (await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        await host.DecideOkAsync("sister-city-division", id, "Approved");
        await host.DecideOkAsync("fao-director", id, "Approved");
        await host.DecideOkAsync("city-leadership", id, "Approved");
        await host.DecideOkAsync("fao-liaison", id, "Approved", payload: new JsonObject { ["documentNumber"] = "苏外友〔2026〕9号",
            ["date"] = "2026-10-01" }, stage: "provincial");
        await host.DecideOkAsync("fao-liaison", id, "Approved", payload: new JsonObject { ["documentNumber"] = "外友〔2026〕30号",
            ["date"] = "2026-10-20" }, stage: "national");

        var messages = await mail.Smtp.WaitForAsync(all =>
            all.Count(m => Is(m, "applicant@approvals.test", "stage-cleared")) == 3 &&
            all.Count(m => Is(m, "fao-liaison@approvals.test", "task-assigned")) == 2 &&
            all.Any(m => Is(m, "applicant@approvals.test", "approved")) &&
            all.Any(m => Is(m, "applicant@approvals.test", "task-assigned")));

        foreach (var (to, count) in new[] { ("sister-city-division@approvals.test", 1), ("fao-director@approvals.test", 1),
            ("city-leadership@approvals.test", 1), ("fao-liaison@approvals.test", 2) })
            Assert.Equal(count, messages.Count(m => Is(m, to, "task-assigned")));
        var assigned = messages.First(m => Is(m, "fao-director@approvals.test", "task-assigned"));
        Assert.StartsWith("【待办】国际友城结好报批 SC-2026-", assigned.Subject);
        Assert.Contains("主任审批", assigned.TextBody);
        Assert.Contains("<b>主任审批", assigned.HtmlBody);
        // The signing task needs its date and agreement recorded on the task page: its mail links there, not to one-click decisions.
        var signing = messages.First(m => Is(m, "applicant@approvals.test", "task-assigned"));
        Assert.DoesNotContain("/actions/", signing.TextBody);
        Assert.Contains("http://approvals.test/tasks/", signing.HtmlBody);
        var cleared = messages.Where(m => Is(m, "applicant@approvals.test", "stage-cleared")).Select(m => m.Subject).ToList();
        Assert.Contains(cleared, s => s!.EndsWith("已通过友城处审核")); // the Chinese half of the stage name "友城处审核 Division review"
        Assert.All(messages, m => Assert.Matches(@"^outbox-\d+@approvals\.local$", m.MessageId));
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_sweep_sends_its_batch_over_a_few_kept_connections_not_one_per_message()
    {
        await using var mail = new MailHost();
        var engine = mail.Host.Services.GetRequiredService<WorkflowDbContextFactory>();
        const int count = 24;
        var before = mail.Smtp.Sessions;
        await engine.GroupCommit.RunAsync(async (db, token) =>
        {
            for (var i = 0; i < count; i++)
                db.Outbox.Add(new OutboxMessage
                {
                    Kind = Approvals.Engine.Activities.SendEmail.OutboxKind, CreatedAt = DateTimeOffset.UtcNow,
                    Body = new JsonObject
                    {
                        ["to"] = new JsonArray($"guest{i}@approvals.test"), ["subject"] = $"通知 {i}", ["body"] = $"<p>第 {i} 号</p>",
                    },
                });
            await db.SaveChangesAsync(token);
        }, CancellationToken.None);
        var delivery = mail.Host.Services.GetRequiredService<MailDelivery>();
        // The host's own sweep may take part of the batch; each sweep's lanes are Mail:Parallelism (4) connections.
        await delivery.DeliverDueAsync(CancellationToken.None);
        var received = await mail.Smtp.WaitForAsync(all => all.Count(m => m.Subject!.StartsWith("通知 ")) == count);

        Assert.Equal(count, received.Where(m => m.Subject!.StartsWith("通知 ")).Select(m => m.To.ToString()).Distinct().Count());
        Assert.InRange(mail.Smtp.Sessions - before, 1, 8);
    }

    [Fact]
    public async Task Mail_to_an_english_user_is_in_english()
    {
        await using var mail = new MailHost();
        var id = (await mail.Host.SubmitAsync("applicant2", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        await mail.Host.DecideOkAsync("protocol-division", id, "Returned", "Please add the escort details.");

        var message = (await mail.Smtp.WaitForAsync(all => all.Any(m => Is(m, "applicant2@approvals.test", "returned"))))
            .First(m => Is(m, "applicant2@approvals.test", "returned"));
        Assert.StartsWith("[Returned] Courtesy request CR-2026-", message.Subject);
        Assert.Contains("Please add the escort details.", message.TextBody);
    }

    [Fact]
    public async Task When_smtp_is_down_the_mail_is_delivered_once_it_is_back_without_duplicates()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = MailHost.Configure(new ApprovalsHost(), port);
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");
        await WaitAsync(async () => (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox"))!.Any(m =>
            m!["attempts"]!.GetValue<int>() >= 1 && m["lastError"] is not null));

        await using var smtp = new TestSmtpServer(port).Start();
        await smtp.WaitForAsync(all => all.Any(m => Is(m, "protocol-division@approvals.test", "task-assigned")));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(smtp.Messages, m => Is(m, "protocol-division@approvals.test", "task-assigned"));
        var row = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox"))!.First(m =>
            m!["body"]!["template"]?.GetValue<string>() == "task-assigned");
        Assert.Equal("Sent", row!["status"]!.GetValue<string>());
        Assert.True(row["attempts"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_goes_to_the_pickup_folder_and_administrators_see_it()
    {
        await using var host = new ApprovalsHost();
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");

        JsonObject? pickup = null;
        await WaitAsync(async () => (pickup = await admin.GetFromJsonAsync<JsonObject>("/api/admin/mail-pickup"))!["files"]!.AsArray()
            .Count > 0);

        var file = pickup!["files"]![0]!["name"]!.GetValue<string>();
        Assert.True(pickup["usesPickupFolder"]!.GetValue<bool>());
        Assert.StartsWith(Path.Combine(host.DataFolder, "mail-pickup"), pickup["folder"]!.GetValue<string>());
        var eml = await admin.GetStreamAsync($"/api/admin/mail-pickup/{file}");
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Equal("protocol-division@approvals.test", message.To.Mailboxes.Single().Address);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("fao-director")).GetAsync("/api/admin/mail-pickup")).StatusCode);
    }

    internal static async Task WaitAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not come true in time.");
            await Task.Delay(200);
        }
    }
}

/// <summary>A message that failed every attempt is visible to administrators and can be resent.</summary>
public sealed class FailedMailTests
{
    [Fact]
    public async Task A_failed_message_is_listed_and_resent_by_an_administrator()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = MailHost.Configure(new ApprovalsHost(), port);
        host.Settings["Mail:MaxAttempts"] = "1";
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");
        JsonNode? failed = null;
        await MailDeliveryTests.WaitAsync(async () =>
            (failed = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.FirstOrDefault()) is not null);
        Assert.NotNull(failed!["lastError"]);

        await using var smtp = new TestSmtpServer(port).Start();
        var resent = await admin.PostAsync($"/api/admin/outbox/{failed["id"]!.GetValue<long>()}/resend", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, resent.StatusCode);
        var messages = await smtp.WaitForAsync(all => all.Count > 0);
        Assert.Equal($"outbox-{failed["id"]!.GetValue<long>()}@approvals.local", messages.Single().MessageId);
        Assert.Equal(System.Net.HttpStatusCode.Conflict,
            (await admin.PostAsync($"/api/admin/outbox/{failed["id"]!.GetValue<long>()}/resend", null)).StatusCode);
    }

    [Fact]
    public async Task A_failed_message_is_tried_again_slowly_and_goes_out_once_the_server_is_back()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = MailHost.Configure(new ApprovalsHost(), port);
        host.Settings["Mail:MaxAttempts"] = "1";
        host.Settings["Mail:SlowRetryInterval"] = "00:00:02";
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");
        await MailDeliveryTests.WaitAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.Count > 0);

        // Nobody resends: the slow retry takes it once the server answers again.
        await using var smtp = new TestSmtpServer(port).Start();
        await smtp.WaitForAsync(all => all.Any(m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test")));
        await MailDeliveryTests.WaitAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.Count == 0);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test"));
    }

    [Fact]
    public async Task An_administrator_sends_every_failed_message_again_at_once()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = MailHost.Configure(new ApprovalsHost(), port);
        host.Settings["Mail:MaxAttempts"] = "1";
        await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
        await host.SubmitAsync("applicant2", "courtesy", FormData.Courtesy());
        var admin = await host.As("admin");
        await MailDeliveryTests.WaitAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.Count >= 2);
        var failed = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.Count;

        await using var smtp = new TestSmtpServer(port).Start();
        var resent = await admin.PostAsync("/api/admin/outbox/resend-failed", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(failed, (await resent.Content.ReadFromJsonAsync<JsonObject>())!["requeued"]!.GetValue<int>());
        await smtp.WaitForAsync(all => all.Count >= failed);
        await MailDeliveryTests.WaitAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Failed"))!.Count == 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As("fao-director")).PostAsync("/api/admin/outbox/resend-failed", null))
            .StatusCode);
    }
}
