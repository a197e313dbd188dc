using Approvals.Activities.Tasks;
using Approvals.Host.Components.Reviewing;
using Approvals.Host.Reviewing;
using Bunit;

namespace Approvals.Host.Tests.Ui;

/// <summary>
/// The inbox list (bUnit): overdue marked with working days, request links, decisions from the list where a stage allows them.
/// </summary>
public sealed class InboxTableTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = PageComponentContext.Create();

    public InboxTableTests()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    private static InboxRows.Row Row(string id, string title, bool overdue, int? daysLeft, string kind = "review",
        string[]? commentRequiredFor = null) => new(new HumanTask
    {
        Id = id, WorkflowInstanceId = "i", DefinitionId = "d", ActivityId = "director", ActivityExecutionId = "e",
        BookmarkId = "b", Kind = kind,
        Title = title, IsOverdue = overdue, DueAt = daysLeft is null ? null : new DateTimeOffset(2026, 12, 1, 9, 0,
            0, TimeSpan.FromHours(8)),
        RequestId = "r-" + id, Outcomes = kind == "revise" ? ["Resubmitted", "Withdrawn"] : ["Approved", "Rejected", "Returned"],
        CommentRequiredFor = [.. commentRequiredFor ?? ["Rejected", "Returned"]],
    }, "主任审批 Director", "SC-2026-0001", daysLeft);

    [Fact]
    public void Overdue_is_marked_with_working_days_and_each_row_links_its_task_and_request()
    {
        var rows = new[] { Row("t1", "主任审批：Heilbronn", overdue: true, daysLeft: -2), Row("t2", "主任审批：Cluj", overdue: false, daysLeft: 3),
            Row("t3", "友城处审核：Lyon", false, 0) };
        var inbox = _ctx.Render<InboxTable>(p => p.Add(x => x.Rows, rows));

        var lines = inbox.FindAll("tbody tr");
        Assert.Equal(["t1", "t2", "t3"], lines.Select(r => r.GetAttribute("data-task")));
        Assert.Contains("overdue", lines[0].ClassList);
        Assert.Contains("已逾期 2 个工作日", lines[0].TextContent);
        Assert.Contains("剩 3 个工作日", lines[1].TextContent);
        Assert.Contains("今日到期", lines[2].TextContent);
        Assert.Equal("tasks/t1", lines[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("requests/r-t2", lines[1].QuerySelectorAll("a")[1].GetAttribute("href"));

        var empty = _ctx.Render<InboxTable>(p => p.Add(x => x.Rows, []));
        Assert.Equal("暂无待办。", empty.Find("[data-testid=inbox-empty]").TextContent);
    }

    [Fact]
    public void A_decision_from_the_list_asks_for_the_comment_and_hands_it_on()
    {
        InboxTable.QuickDecision? asked = null;
        var rows = new[] { Row("t1", "主任审批：Heilbronn", false, 3), Row("t2", "修改申请", false, 3, kind: "revise"),
            Row("t3", "超计划", false, 3, commentRequiredFor: ["Approved"]) };
        var inbox = _ctx.Render<InboxTable>(p => p.Add(x => x.Rows, rows).Add(x => x.OnDecide, d => asked = d));

        // Approve and reject on a review; nothing on a revision (it needs the form); no ticking where approving needs a reason.
        Assert.Equal(2, inbox.FindAll("tr[data-task=t1] [data-testid^=quick-]").Count);
        Assert.Empty(inbox.FindAll("tr[data-task=t2] [data-testid^=quick-]"));
        Assert.Single(inbox.FindAll("tr[data-task=t1] [data-testid=select]"));
        Assert.Empty(inbox.FindAll("tr[data-task=t3] [data-testid=select]"));

        inbox.Find("tr[data-task=t1] [data-testid=quick-Rejected]").Click();
        inbox.Find("tr[data-decide=t1] input").Change("与现有友城重复");
        inbox.Find("tr[data-decide=t1] [data-testid=quick-confirm]").Click();

        Assert.Equal(new InboxTable.QuickDecision("t1", "Rejected", "与现有友城重复"), asked);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
