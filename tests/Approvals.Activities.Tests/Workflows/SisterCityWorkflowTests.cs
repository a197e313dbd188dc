using System.Text.Json.Nodes;
using Approvals.Activities.Forms;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Approvals.Engine.Models;

namespace Approvals.Activities.Tests.Workflows;

public sealed class SisterCityWorkflowTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private static JsonObject Approval(string number) => new() { ["documentNumber"] = number, ["date"] = "2026-04-01" };

    private async Task<Request> ThroughLeadershipAsync(string relationship)
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity(relationship));
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");
        await _a.DecideAsync(request.Id, "director", "fao-director", "Approved");
        await _a.DecideAsync(request.Id, "leadership", "city-leadership", "Approved");
        return request;
    }

    [Fact]
    public async Task A_sister_city_is_approved_by_every_stage_and_closed_after_signing()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        Assert.Matches(@"^SC-2026-\d{4}$", request.Number);
        Assert.Equal("待友城处审核", request.Status);
        Assert.Equal(TestDirectory.Wujiang, request.UnitId);

        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved", "材料齐全");
        Assert.Equal("待主任审批", (await _a.RequestAsync(request.Id)).Status);
        await _a.DecideAsync(request.Id, "director", "fao-director", "Approved");
        await _a.DecideAsync(request.Id, "leadership", "city-leadership", "Approved");
        Assert.Equal("省外办审核中", (await _a.RequestAsync(request.Id)).Status);
        await _a.DecideAsync(request.Id, "provincial", "fao-liaison", "Approved", payload: Approval("苏外友〔2026〕3号"));
        await _a.DecideAsync(request.Id, "national", "fao-liaison", "Approved", payload: Approval("外友〔2026〕21号"));
        var approved = await _a.RequestAsync(request.Id);
        Assert.Equal((RequestState.Approved, "待登记签约"), (approved.State, approved.Status));
        await _a.DecideAsync(request.Id, "signing", "applicant", "Recorded", payload: new JsonObject { ["signingDate"] = "2026-06-18",
            ["signedAgreement"] = "att-signed" });

        var closed = await _a.RequestAsync(request.Id);
        Assert.Equal((RequestState.Closed, "已签约结好"), (closed.State, closed.Status));
        Assert.Equal("2026-06-18", closed.Data["signing"]!["signingDate"]!.GetValue<string>());
        Assert.Empty(await _a.OpenTasksAsync(request.Id));
        var actions = (await _a.AuditOfAsync(request.Id)).Select(e => e.Action).ToList();
        Assert.Equal(1, actions.Count(a => a == "Submitted"));
        Assert.Equal(3, actions.Count(a => a == "Decision"));
        Assert.Equal(2, actions.Count(a => a == "ExternalDecision"));
        Assert.Contains("Recorded", actions);
        var state = await _a.Runtime.GetStateAsync(request.WorkflowInstanceId);
        Assert.Equal(WorkflowStatus.Finished, state!.Status);
        var mails = await _a.NotificationsAsync(request.Id);
        Assert.Contains(mails, m => m.Template == "task-assigned" && m.To.Contains("fao-director@approvals.test"));
        Assert.Equal(3, mails.Count(m => m.Template == "stage-cleared" && m.To.SequenceEqual(["applicant@approvals.test"])));
    }

    [Fact]
    public async Task A_friendly_exchange_city_only_needs_the_provincial_filing_number()
    {
        var request = await ThroughLeadershipAsync("friendly-exchange");

        var filing = await _a.TaskAtAsync(request.Id, "filing");
        Assert.Equal(["Approved"], filing.Outcomes);
        await _a.DecideAsync(request.Id, "filing", "fao-liaison", "Approved", payload: Approval("苏外备〔2026〕8号"));

        var open = Assert.Single(await _a.OpenTasksAsync(request.Id));
        Assert.Equal("signing", open.ActivityId);
        Assert.DoesNotContain(await _a.QueryAsync(db => db.Tasks.Where(t => t.RequestId == request.Id)),
            t => t.ActivityId is "provincial" or "national");
    }

    [Theory]
    [InlineData("division", "sister-city-division")]
    [InlineData("director", "fao-director")]
    [InlineData("leadership", "city-leadership")]
    public async Task A_rejection_at_any_internal_stage_ends_the_request(string stage, string reviewer)
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        foreach (var (s, r) in new[] { ("division", "sister-city-division"), ("director", "fao-director"),
            ("leadership", "city-leadership") })
        {
            if (s == stage) break;
            await _a.DecideAsync(request.Id, s, r, "Approved");
        }

        await Assert.ThrowsAsync<DecisionInvalidException>(() => _a.DecideAsync(request.Id, stage, reviewer, "Rejected"));
        await _a.DecideAsync(request.Id, stage, reviewer, "Rejected", "不符合结好条件");

        var rejected = await _a.RequestAsync(request.Id);
        Assert.Equal((RequestState.Rejected, "未获批准"), (rejected.State, rejected.Status));
        Assert.Empty(await _a.OpenTasksAsync(request.Id));
        Assert.Contains(await _a.NotificationsAsync(request.Id), m => m.Template == "rejected");
    }

    [Theory]
    [InlineData("provincial")]
    [InlineData("national")]
    public async Task An_outside_authority_can_reject(string stage)
    {
        var request = await ThroughLeadershipAsync("sister-city");
        if (stage == "national") await _a.DecideAsync(request.Id, "provincial", "fao-liaison", "Approved",
            payload: Approval("苏外友〔2026〕3号"));

        await Assert.ThrowsAsync<DecisionInvalidException>(() => _a.DecideAsync(request.Id, stage, "fao-liaison", "Approved",
            payload: new JsonObject { ["date"] = "2026-04-01" }));
        await _a.DecideAsync(request.Id, stage, "fao-liaison", "Rejected", "外方城市规模不符");

        Assert.Equal(RequestState.Rejected, (await _a.RequestAsync(request.Id)).State);
        var entry = (await _a.AuditOfAsync(request.Id)).Last(e => e.Action == "ExternalDecision");
        Assert.Equal(("fao-liaison", "外方城市规模不符"), (entry.Actor, entry.Comment));
    }

    [Fact]
    public async Task A_returned_request_is_revised_and_resubmitted_keeping_the_old_data()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Returned", "请补充交往历史");
        var returned = await _a.RequestAsync(request.Id);
        Assert.Equal(RequestState.Returned, returned.State);
        var revise = await _a.TaskAtAsync(request.Id, "revise");
        Assert.Equal("applicant", revise.AssigneeId);

        var bad = FormData.SisterCity();
        bad["country"] = "XX";
        var invalid = await Assert.ThrowsAsync<FormValidationException>(() => _a.DecideAsync(request.Id, "revise", "applicant",
            "Resubmitted", payload: new JsonObject { ["data"] = bad }));
        Assert.Contains(invalid.Errors, e => e.Path == "payload.data.country");

        var revised = FormData.SisterCity();
        revised["exchangeHistory"]!.AsArray().Add(new JsonObject { ["year"] = 2015, ["event"] = "市长互访" });
        await _a.DecideAsync(request.Id, "revise", "applicant", "Resubmitted", payload: new JsonObject { ["data"] = revised });

        var now = await _a.RequestAsync(request.Id);
        Assert.Equal((RequestState.InProgress, 2), (now.State, now.Revision));
        Assert.Equal(3, now.Data["exchangeHistory"]!.AsArray().Count);
        var old = Assert.Single(await _a.QueryAsync(db => db.RequestRevisions.Where(r => r.RequestId == request.Id)));
        Assert.Equal(2, old.Data["exchangeHistory"]!.AsArray().Count);
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");
        await _a.TaskAtAsync(request.Id, "director");
    }

    [Fact]
    public async Task The_director_can_return_to_the_division()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");

        await _a.DecideAsync(request.Id, "director", "fao-director", "Returned", "请友城处复核外方情况");

        var again = await _a.TaskAtAsync(request.Id, "division");
        Assert.Equal(["sister-city-division"], again.CandidateRoles);
    }

    [Fact]
    public async Task Withdrawing_at_revision_ends_the_request()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Returned", "材料不全");

        await _a.DecideAsync(request.Id, "revise", "applicant", "Withdrawn");

        Assert.Equal(RequestState.Withdrawn, (await _a.RequestAsync(request.Id)).State);
        Assert.Equal(WorkflowStatus.Finished, (await _a.Runtime.GetStateAsync(request.WorkflowInstanceId))!.Status);
    }

    [Fact]
    public async Task Withdrawing_while_a_stage_is_open_cancels_its_task_and_its_reminders()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var task = await _a.TaskAtAsync(request.Id, "division");

        var withdrawn = await _a.Requests.WithdrawAsync(request.Id, "applicant", "计划调整");

        Assert.Equal(RequestState.Withdrawn, withdrawn.State);
        Assert.Equal(HumanTaskStatus.Cancelled, (await _a.Tasks.GetAsync(task.Id)).Status);
        Assert.Empty(await _a.EngineQueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == request.WorkflowInstanceId)));
        var conflict = await Assert.ThrowsAsync<TaskConflictException>(() => _a.Tasks.DecideAsync(task.Id, "sister-city-division",
            "Approved", null, "op"));
        Assert.Contains("closed", conflict.Message);
        await Assert.ThrowsAsync<RequestConflictException>(() => _a.Requests.WithdrawAsync(request.Id, "applicant", null));
    }

    [Fact]
    public async Task A_submission_with_form_errors_is_refused_and_saves_nothing()
    {
        var data = FormData.SisterCity();
        data.Remove("foreignCity");
        data["plannedSigningDate"] = "18/06/2026";
        data["exchangeHistory"]![0]!["year"] = 1800;

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => _a.Requests.SubmitAsync("applicant", "sister-city", data));

        Assert.Contains(ex.Errors, e => e.Path == "foreignCity" && e.Message == "is required");
        Assert.Contains(ex.Errors, e => e.Path == "plannedSigningDate");
        Assert.Contains(ex.Errors, e => e.Path == "exchangeHistory[0].year");
        Assert.Empty(await _a.QueryAsync(db => db.Requests));
        Assert.Empty(await _a.EngineQueryAsync(db => db.Instances));
    }
}
