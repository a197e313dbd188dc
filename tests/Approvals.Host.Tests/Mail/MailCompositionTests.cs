using System.Text.RegularExpressions;
using Approvals.Engine.Persistence;
using Approvals.Host.Mail;
using Approvals.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Approvals.Host.Tests.Mail;

/// <summary>A sweep reads the requests and tasks of a group of messages together; each message is the one it would be alone.</summary>
public sealed partial class MailCompositionTests
{
    [Fact]
    public async Task Messages_composed_from_their_group_read_are_the_messages_composed_alone()
    {
        await using var mail = new MailHost();
        var host = mail.Host;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>());
        await host.DecideOkAsync("protocol-division", ids[0], "Approved");
        await host.DecideOkAsync("protocol-division", ids[1], "Returned", "请补充陪同人员名单。");
        await mail.Smtp.WaitForAsync(all => all.Any(m => m.Headers["X-Approvals-Template"] == "returned"));

        List<Engine.Models.OutboxMessage> rows;
        await using (var db = host.Services.GetRequiredService<WorkflowDbContextFactory>().Create())
            rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == "notification").OrderBy(m => m.Id).ToListAsync();
        var composer = host.Services.GetRequiredService<MailComposer>();
        var subjects = await composer.ReadSubjectsAsync(rows, default);
        Assert.Equal(ids.Order(), subjects.Requests.Keys.Order());
        var taskIds = rows.Select(r => r.Body["taskId"]?.GetValue<string>()).OfType<string>().Distinct();
        Assert.Equal(taskIds.Order(), subjects.Tasks.Keys.Order());

        var templates = new HashSet<string>();
        foreach (var row in rows)
        {
            var alone = await composer.ComposeAsync(row, default);
            var grouped = await composer.ComposeAsync(row, default, subjects);
            Assert.NotNull(alone);
            Assert.NotNull(grouped);
            templates.Add(grouped.Headers["X-Approvals-Template"]!);
            Assert.Equal(alone.Subject, grouped.Subject);
            Assert.Equal(alone.To.ToString(), grouped.To.ToString());
            Assert.Equal(WithoutTokens(alone.TextBody), WithoutTokens(grouped.TextBody));
            Assert.Equal(WithoutTokens(alone.HtmlBody), WithoutTokens(grouped.HtmlBody));
            Assert.Contains(Number(subjects, row), grouped.Subject);
        }
        // Assignments with action links, a stage cleared, and a return told with its reason (read apart from the group).
        Assert.Superset(new HashSet<string> { "task-assigned", "returned" }, templates);
        var returnedRow = rows.First(r => r.Body["template"]?.GetValue<string>() == "returned");
        var returned = await composer.ComposeAsync(returnedRow, default, subjects);
        Assert.Contains("请补充陪同人员名单。", returned!.TextBody);
    }

    private static string Number(MailSubjects subjects, Engine.Models.OutboxMessage row) =>
        subjects.Requests[row.Body["requestId"]!.GetValue<string>()].Number!;

    // Each action link carries a token of its own (a new one every time a message is composed).
    private static string WithoutTokens(string? text) => ActionToken().Replace(text ?? "", "/actions/…");

    [GeneratedRegex(@"/actions/[^\s""<>]+")]
    private static partial Regex ActionToken();
}
