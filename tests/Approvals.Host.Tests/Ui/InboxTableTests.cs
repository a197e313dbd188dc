using Approvals.Activities.Tasks;
using Approvals.Host.Components.Reviewing;
using Bunit;

namespace Approvals.Host.Tests.Ui;

/// <summary>The inbox (bUnit): mine and my roles' tasks on two tabs, overdue marked with working days, due dates counted in working days.</summary>
public sealed class InboxTableTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = PageComponentContext.Create();

    public InboxTableTests()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
    }

    private static InboxTable.Row Row(string id, string title, bool overdue, int? daysLeft) => new(new HumanTask
    {
        Id = id, WorkflowInstanceId = "i", DefinitionId = "d", ActivityId = "director", ActivityExecutionId = "e", BookmarkId = "b", Kind = "review",
        Title = title, IsOverdue = overdue, DueAt = daysLeft is null ? null : new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)),
    }, "主任审批 Director", "SC-2026-0001", daysLeft);

    [Fact]
    public void Mine_first_with_overdue_marked_and_working_days_left_then_the_roles_tab()
    {
        var mine = new[] { Row("t1", "主任审批：Heilbronn", overdue: true, daysLeft: -2), Row("t2", "主任审批：Cluj", overdue: false, daysLeft: 3) };
        var offered = new[] { Row("t3", "友城处审核：Lyon", overdue: false, daysLeft: 0) };
        var inbox = _ctx.Render<InboxTable>(p => p.Add(x => x.Mine, mine).Add(x => x.Offered, offered));

        var rows = inbox.FindAll("tbody tr");
        Assert.Equal(["t1", "t2"], rows.Select(r => r.GetAttribute("data-task")));
        Assert.Contains("overdue", rows[0].ClassList);
        Assert.Contains("已逾期 2 个工作日", rows[0].TextContent);
        Assert.Contains("剩 3 个工作日", rows[1].TextContent);
        Assert.Contains("SC-2026-0001", rows[1].TextContent);
        Assert.Equal("tasks/t1", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("我的 (2)", inbox.Markup);
        Assert.Contains("我的角色 (1)", inbox.Markup);

        // The roles tab lists what the roles are offered.
        inbox.FindAll(".mud-tab").Single(t => t.TextContent.Contains("我的角色")).Click();
        var offeredRows = inbox.FindAll("tbody tr");
        Assert.Equal("t3", Assert.Single(offeredRows).GetAttribute("data-task"));
        Assert.Contains("今日到期", offeredRows[0].TextContent);
    }

    [Fact]
    public void With_nothing_mine_it_opens_on_the_roles_tab_and_says_when_there_is_nothing_at_all()
    {
        var inbox = _ctx.Render<InboxTable>(p => p.Add(x => x.Mine, []).Add(x => x.Offered, [Row("t3", "友城处审核：Lyon", false, 5)]));
        Assert.Equal("t3", inbox.Find("tbody tr").GetAttribute("data-task"));

        var empty = _ctx.Render<InboxTable>(p => p.Add(x => x.Mine, []).Add(x => x.Offered, []));
        Assert.Equal("暂无待办。", empty.Find("[data-testid=inbox-empty]").TextContent);
        Assert.Empty(empty.FindAll("tbody tr"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
