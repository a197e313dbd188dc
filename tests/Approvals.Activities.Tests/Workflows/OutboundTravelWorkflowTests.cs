using System.Text.Json.Nodes;
using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Approvals.Engine.Models;

namespace Approvals.Activities.Tests.Workflows;

public sealed class OutboundTravelWorkflowTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private async Task SetQuotaAsync(int trips, int persons)
    {
        await using var db = _a.Db();
        db.UnitQuotas.Add(new UnitQuota { UnitId = TestDirectory.Wujiang, Year = 2026, Trips = trips, Persons = persons });
        await db.SaveChangesAsync();
    }

    private async Task<Request> ToBoardAsync(JsonObject? data = null)
    {
        var request = await _a.Requests.SubmitAsync("applicant", "outbound-travel", data ?? FormData.Travel());
        await _a.DecideAsync(request.Id, "unitHead", "unit-head", "Approved");
        await _a.DecideAsync(request.Id, "preReview", "outbound-division", "Approved");
        return request;
    }

    private async Task VoteAsync(string requestId, string member, string outcome, string? comment = null)
    {
        var task = (await _a.OpenTasksAsync(requestId)).Single(t => t.ActivityId == "board" && t.AssigneeId == member);
        await _a.Tasks.DecideAsync(task.Id, member, outcome, comment, Guid.NewGuid().ToString("N"));
    }

    [Fact]
    public async Task A_trip_within_quota_is_approved_numbered_and_closed_after_the_trip_report()
    {
        await SetQuotaAsync(trips: 10, persons: 30);
        var request = await ToBoardAsync();

        var checks = (await _a.RequestAsync(request.Id)).PolicyChecks!;
        Assert.Equal(["countries", "days", "group-size", "invitation", "budget"],
            checks.Select(c => c!["code"]!.GetValue<string>()).ToList());
        Assert.All(checks, c => Assert.True(c!["passed"]!.GetValue<bool>(), c.ToJsonString()));
        var atBoard = await _a.RequestAsync(request.Id);
        Assert.False(atBoard.OverQuota);
        Assert.Equal(10, atBoard.QuotaStanding!["quotaTrips"]!.GetValue<int>());
        var votes = (await _a.OpenTasksAsync(request.Id)).Where(t => t.ActivityId == "board").ToList();
        Assert.Equal(["board1", "board2", "board3", "board4", "board5"], votes.Select(t => t.AssigneeId!).Order().ToList());

        await VoteAsync(request.Id, "board1", "Approved");
        await VoteAsync(request.Id, "board2", "Rejected", "预算偏高");
        await VoteAsync(request.Id, "board3", "Approved");
        Assert.Equal(2, (await _a.OpenTasksAsync(request.Id)).Count(t => t.ActivityId == "board"));
        await VoteAsync(request.Id, "board4", "Approved");

        var cancelled = await _a.QueryAsync(db => db.Tasks.Where(t => t.RequestId == request.Id && t.ActivityId == "board"
            && t.Status == HumanTaskStatus.Cancelled));
        Assert.Equal("board5", Assert.Single(cancelled).AssigneeId);
        await _a.DecideAsync(request.Id, "issue", "outbound-division", "Approved");

        var approved = await _a.RequestAsync(request.Id);
        Assert.Equal(RequestState.Approved, approved.State);
        Assert.Equal("苏外出〔2026〕1号", approved.DocumentNumber);
        var use = Assert.Single(await _a.QueryAsync(db => db.QuotaUses));
        Assert.Equal((1, 3, (DateTimeOffset?)null), (use.Trips, use.Persons, use.ReleasedAt));
        Assert.Empty(await _a.OpenTasksAsync(request.Id));

        await _a.AdvanceToAsync(new DateTimeOffset(2026, 5, 17, 0, 0, 0, TimeSpan.FromHours(8)));
        await _a.DecideAsync(request.Id, "report", "applicant", "Recorded", payload: new JsonObject { ["report"] = "att-report" });

        var closed = await _a.RequestAsync(request.Id);
        Assert.Equal((RequestState.Closed, "已结案"), (closed.State, closed.Status));
        Assert.Equal(WorkflowStatus.Finished, (await _a.Runtime.GetStateAsync(request.WorkflowInstanceId))!.Status);
    }

    [Fact]
    public async Task Over_quota_needs_a_written_override_from_the_approving_members()
    {
        await SetQuotaAsync(trips: 0, persons: 0);
        var request = await ToBoardAsync();
        Assert.True((await _a.RequestAsync(request.Id)).OverQuota);

        var missing = await Assert.ThrowsAsync<DecisionInvalidException>(() => VoteAsync(request.Id, "board1", "Approved"));
        Assert.Equal("comment", missing.Field);
        await VoteAsync(request.Id, "board1", "Approved", "市委重点外事任务，同意超计划");
        await VoteAsync(request.Id, "board2", "Approved", "同意");
        await VoteAsync(request.Id, "board3", "Approved", "同意");

        var actions = (await _a.AuditOfAsync(request.Id)).Select(e => e.Action).ToList();
        Assert.Contains("OverQuota", actions);
        var overrideEntry = (await _a.AuditOfAsync(request.Id)).Single(e => e.Action == "QuotaOverride");
        Assert.Equal(3, overrideEntry.Data!["reasons"]!.AsArray().Count);
        await _a.TaskAtAsync(request.Id, "issue");
    }

    [Fact]
    public async Task Over_quota_without_an_override_is_rejected_by_the_board()
    {
        await SetQuotaAsync(trips: 0, persons: 0);
        var request = await ToBoardAsync();

        await VoteAsync(request.Id, "board1", "Rejected", "超出年度计划");
        await VoteAsync(request.Id, "board2", "Rejected", "超出年度计划");
        await VoteAsync(request.Id, "board3", "Approved", "确有必要");
        await VoteAsync(request.Id, "board4", "Rejected", "超出年度计划");

        Assert.Equal(RequestState.Rejected, (await _a.RequestAsync(request.Id)).State);
        Assert.DoesNotContain((await _a.AuditOfAsync(request.Id)), e => e.Action == "QuotaOverride");
        Assert.Empty(await _a.QueryAsync(db => db.QuotaUses));
    }

    [Fact]
    public async Task A_tied_board_defers_to_the_next_meeting_which_votes_again()
    {
        await SetQuotaAsync(10, 30);
        var request = await ToBoardAsync();

        await VoteAsync(request.Id, "board1", "Approved");
        await VoteAsync(request.Id, "board2", "Approved");
        await VoteAsync(request.Id, "board3", "Rejected", "理由不足");
        await VoteAsync(request.Id, "board4", "Rejected", "理由不足");
        await VoteAsync(request.Id, "board5", "Deferred");

        Assert.Equal("待出国会审小组审议", (await _a.RequestAsync(request.Id)).Status);
        var decisions = (await _a.AuditOfAsync(request.Id)).Where(e => e.Action == "BoardDecision").ToList();
        Assert.Equal("Deferred", Assert.Single(decisions).StatusAfter);
        Assert.Equal(5, (await _a.OpenTasksAsync(request.Id)).Count(t => t.ActivityId == "board"));
        foreach (var member in new[] { "board1", "board2", "board3" }) await VoteAsync(request.Id, member, "Approved");
        await _a.TaskAtAsync(request.Id, "issue");
    }

    [Fact]
    public async Task A_board_without_quorum_by_its_due_date_defers()
    {
        await SetQuotaAsync(10, 30);
        var request = await ToBoardAsync();
        await VoteAsync(request.Id, "board1", "Approved");
        await VoteAsync(request.Id, "board2", "Approved");

        await _a.AdvanceAsync(TimeSpan.FromDays(9));

        var decision = (await _a.AuditOfAsync(request.Id)).First(e => e.Action == "BoardDecision");
        Assert.Equal("Deferred", decision.StatusAfter);
        Assert.Contains((await _a.AuditOfAsync(request.Id)), e => e.Action == "Overdue");
    }

    [Fact]
    public async Task A_taiwan_trip_needs_the_external_approval_and_can_be_refused_there()
    {
        await SetQuotaAsync(10, 30);
        var request = await ToBoardAsync(FormData.Travel(taiwan: true));
        foreach (var member in new[] { "board1", "board2", "board3" }) await VoteAsync(request.Id, member, "Approved");

        var external = await _a.TaskAtAsync(request.Id, "taiwanApproval");
        Assert.Equal(["fao-liaison"], external.CandidateRoles);
        await _a.DecideAsync(request.Id, "taiwanApproval", "fao-liaison", "Rejected", "不予批准");

        Assert.Equal(RequestState.Rejected, (await _a.RequestAsync(request.Id)).State);
        Assert.Null((await _a.RequestAsync(request.Id)).DocumentNumber);
    }

    [Fact]
    public async Task An_overdue_trip_report_is_flagged_and_escalated_to_the_outbound_division()
    {
        await SetQuotaAsync(10, 30);
        var request = await ToBoardAsync();
        foreach (var member in new[] { "board1", "board2", "board3" }) await VoteAsync(request.Id, member, "Approved");
        await _a.DecideAsync(request.Id, "issue", "outbound-division", "Approved");
        await _a.AdvanceToAsync(new DateTimeOffset(2026, 5, 17, 0, 0, 0, TimeSpan.FromHours(8)));
        var report = await _a.TaskAtAsync(request.Id, "report");
        Assert.Equal(report.CreatedAt.AddDays(30), report.DueAt);

        await _a.AdvanceAsync(TimeSpan.FromDays(10));
        await _a.AdvanceAsync(TimeSpan.FromDays(10));
        var reminded = await _a.Tasks.GetAsync(report.Id);
        Assert.Equal((2, false), (reminded.RemindersSent, reminded.IsOverdue));
        await _a.AdvanceAsync(TimeSpan.FromDays(11));

        var overdue = await _a.Tasks.GetAsync(report.Id);
        Assert.True(overdue.IsOverdue);
        Assert.Equal("outbound-division", overdue.EscalatedTo);
        Assert.Contains("outbound-division", overdue.CandidateRoles);
        var mails = await _a.NotificationsAsync(request.Id);
        Assert.Equal(2, mails.Count(m => m.Template == "reminder" && m.To.SequenceEqual(["applicant@approvals.test"])));
        Assert.Contains(mails, m => m.Template == "escalation" && m.To.Contains("outbound-division@approvals.test"));
        await _a.Tasks.DecideAsync(report.Id, "outbound-division", "Recorded", null, "op-esc",
            new JsonObject { ["report"] = "att-late-report" });
        Assert.Equal(RequestState.Closed, (await _a.RequestAsync(request.Id)).State);
    }

    [Fact]
    public async Task Only_the_head_of_the_applicants_own_unit_decides_the_first_stage()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "outbound-travel", FormData.Travel());
        var task = await _a.TaskAtAsync(request.Id, "unitHead");

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, "unit-head2", "Approved", null, "op1"));
        await _a.Tasks.DecideAsync(task.Id, "unit-head", "Approved", null, "op2");

        await _a.TaskAtAsync(request.Id, "preReview");
    }
}
