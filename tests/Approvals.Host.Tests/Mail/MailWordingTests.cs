using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using MimeKit;

namespace Approvals.Host.Tests.Mail;

/// <summary>
/// What each letter says, to whom, once: reasons with rejections, no "revise" for internal returns, readable values, one language.
/// </summary>
public sealed class MailWordingTests
{
    private static bool Is(MimeMessage m, string to, string template) =>
        m.To.Mailboxes.Any(a => a.Address == to) && m.Headers["X-Approvals-Template"] == template;

    /// <summary>Every mail the outbox holds, once none is waiting any more.</summary>
    private static async Task<List<MimeMessage>> SettledAsync(MailHost mail)
    {
        var admin = await mail.Host.As("admin");
        for (var i = 0; i < 150; i++)
        {
            var waiting = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Pending&take=1000"))!.Count;
            if (waiting == 0) break;
            await Task.Delay(200);
        }
        var sent = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?status=Sent&take=1000"))!.Count(m =>
            m!["kind"]!.GetValue<string>() == "notification");
        return await mail.Smtp.WaitForAsync(all => all.Count >= sent);
    }

    [Fact]
    public async Task A_rejection_reaches_the_applicant_once_with_its_reason()
    {
        await using var mail = new MailHost();
        var id = (await mail.Host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        await mail.Host.DecideOkAsync("sister-city-division", id, "Rejected", "与现有友城重复");

        var messages = await SettledAsync(mail);
        var rejected = Assert.Single(messages, m => Is(m, "applicant@approvals.test", "rejected"));
        Assert.Contains("与现有友城重复", rejected.TextBody);
        Assert.Contains("与现有友城重复", rejected.HtmlBody);
        Assert.Contains("您的申请", rejected.TextBody);
    }

    [Fact]
    public async Task A_national_rejection_carries_its_reason_and_an_approval_to_the_division_is_not_your_request()
    {
        await using var mail = new MailHost();
        var host = mail.Host;
        var rejectedId = (await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        var approvedId = (await host.SubmitAsync("applicant", "sister-city",
            FormData.SisterCity("friendly-exchange")))["id"]!.GetValue<string>();
        foreach (var id in new[] { rejectedId, approvedId })
        {
            await host.DecideOkAsync("sister-city-division", id, "Approved");
            await host.DecideOkAsync("fao-director", id, "Approved");
            await host.DecideOkAsync("city-leadership", id, "Approved");
        }
        await host.DecideOkAsync("fao-liaison", rejectedId, "Approved", payload: new JsonObject { ["documentNumber"] = "苏外友〔2026〕9号",
            ["date"] = "2026-10-01" }, stage: "provincial");
        await host.DecideOkAsync("fao-liaison", rejectedId, "Rejected", "外交部：该市已与省内另一城市结好", stage: "national");
        var approved = (await host.RequestAsync("applicant", approvedId))["currentTasks"]!.AsArray();
        foreach (var task in approved)
            await host.DecideOkAsync("fao-liaison", approvedId, "Approved", payload: new JsonObject { ["documentNumber"] = "苏外友〔2026〕10号",
                ["date"] = "2026-10-02" },
                stage: task!["stage"]!.GetValue<string>());

        var messages = await SettledAsync(mail);
        var rejection = Assert.Single(messages, m => Is(m, "applicant@approvals.test", "rejected"));
        Assert.Contains("该市已与省内另一城市结好", rejection.TextBody);
        var division = messages.Where(m => Is(m, "sister-city-division@approvals.test", "approved")).ToList();
        Assert.NotEmpty(division);
        Assert.All(division, m => Assert.DoesNotContain("您的申请", m.TextBody));
        Assert.Contains(messages, m => Is(m, "applicant@approvals.test", "approved") && m.TextBody!.Contains("您的申请"));
    }

    [Fact]
    public async Task A_return_to_an_earlier_stage_does_not_ask_the_applicant_to_revise_and_a_return_to_the_applicant_says_why()
    {
        await using var mail = new MailHost();
        var id = (await mail.Host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        await mail.Host.DecideOkAsync("sister-city-division", id, "Approved");
        await mail.Host.DecideOkAsync("fao-director", id, "Returned", "请友城处补充交往记录");

        var first = await SettledAsync(mail);
        Assert.DoesNotContain(first, m => Is(m, "applicant@approvals.test", "returned"));
        Assert.Equal(2, first.Count(m => Is(m, "sister-city-division@approvals.test", "task-assigned")));

        await mail.Host.DecideOkAsync("sister-city-division", id, "Returned", "请补充双方交往记录");
        var second = await SettledAsync(mail);
        var returned = Assert.Single(second, m => Is(m, "applicant@approvals.test", "returned"));
        Assert.Contains("请补充双方交往记录", returned.TextBody);
        Assert.Contains("友城处", returned.TextBody);
        // The return notice is the revise task's mail: no second "task assigned" for it.
        Assert.DoesNotContain(second, m => Is(m, "applicant@approvals.test", "task-assigned"));
    }

    [Fact]
    public async Task Letters_use_one_language_readable_values_and_offer_links_only_where_a_comment_is_enough()
    {
        await using var mail = new MailHost();
        var host = mail.Host;
        var data = FormData.Courtesy("ministerial");
        data["courtesies"] = new JsonArray("airport-vip", "police-escort");
        var id = (await host.SubmitAsync("applicant2", "courtesy", data))["id"]!.GetValue<string>();
        // Links are offered while the task is open: each mail is read before its task is decided.
        var protocol = (await mail.Smtp.WaitForAsync(all => all.Any(m => Is(m, "protocol-division@approvals.test", "task-assigned"))))
            .First(m => Is(m, "protocol-division@approvals.test", "task-assigned"));
        await host.DecideOkAsync("protocol-division", id, "Approved");
        await host.DecideOkAsync("fao-director", id, "Approved");
        await host.DecideOkAsync("city-leadership", id, "Approved");
        var liaisonMail = (await mail.Smtp.WaitForAsync(all => all.Any(m => Is(m, "fao-liaison@approvals.test", "task-assigned"))))
            .First(m => Is(m, "fao-liaison@approvals.test", "task-assigned"));
        await host.DecideOkAsync("fao-liaison", id, "Approved", payload: new JsonObject { ["documentNumber"] = "苏外礼〔2026〕5号",
            ["date"] = "2026-03-10" });

        var messages = await SettledAsync(mail);
        // Chinese letters name outcomes in Chinese; the external decision's "Approved" needs recorded fields, so no link for it.
        Assert.Contains("- 同意: http://approvals.test/actions/", protocol.TextBody);
        Assert.DoesNotContain("Approved:", protocol.TextBody);
        Assert.DoesNotContain("- 同意: http", liaisonMail.TextBody);
        Assert.Contains("不同意: http://approvals.test/actions/", liaisonMail.TextBody);

        // The courtesy notice to the airport: the delegation's size, the courtesies by name, times in Beijing time.
        var notice = messages.First(m => Is(m, "airport-protocol@approvals.test", "acting-unit-notice"));
        Assert.Contains("一行 6 人", notice.TextBody);
        Assert.Contains("机场贵宾通道、警车开道", notice.TextBody);
        Assert.Contains("2026-12-20 10:00", notice.TextBody);
        Assert.DoesNotContain("airport-vip", notice.TextBody);
        Assert.DoesNotContain("T10:00:00", notice.TextBody);

        // An English reader's letters are English throughout: the type's English name, also inside the title.
        var english = messages.Where(m => m.To.Mailboxes.Any(a => a.Address == "applicant2@approvals.test")).ToList();
        Assert.NotEmpty(english);
        Assert.All(english, m => Assert.DoesNotContain("礼遇请示", m.Subject + m.TextBody));
        var englishNotice = english.First(m => m.Headers["X-Approvals-Template"] == "acting-unit-notice");
        Assert.Contains("Airport VIP channel, Police escort", englishNotice.TextBody);
        Assert.Contains("6 persons", englishNotice.TextBody);
    }
}
