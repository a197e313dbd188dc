using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;

namespace Approvals.Activities.Tests.Tasks;

public sealed class TaskAuthorizationTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private async Task<HumanTask> DirectorTaskAsync()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");
        return await _a.TaskAtAsync(request.Id, "director");
    }

    [Theory]
    [InlineData("outsider")]
    [InlineData("applicant")]
    [InlineData("sister-city-division")]
    [InlineData("city-leadership")]
    public async Task Someone_who_is_neither_assignee_candidate_nor_proxy_cannot_decide(string user)
    {
        var task = await DirectorTaskAsync();

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, user, "Approved", null, "op"));

        Assert.Equal(HumanTaskStatus.Open, (await _a.Tasks.GetAsync(task.Id)).Status);
        Assert.DoesNotContain(await _a.AuditOfAsync(task.RequestId!), e => e.TaskId == task.Id && e.Action == "Decision");
    }

    [Fact]
    public async Task A_proxy_in_its_period_and_workflow_decides_and_both_identities_are_recorded()
    {
        var task = await DirectorTaskAsync();
        var now = _a.Clock.GetUtcNow();
        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(-1), now.AddDays(7), ["sister-city-establishment"], "fao-director");

        await _a.Tasks.DecideAsync(task.Id, "deputy", "Approved", "代主任审批", "op-proxy");

        var decided = await _a.Tasks.GetAsync(task.Id);
        Assert.Equal(("deputy", "fao-director"), (decided.ActedBy, decided.OnBehalfOf));
        var entry = (await _a.AuditOfAsync(task.RequestId!)).Single(e => e.TaskId == task.Id && e.Action == "Decision");
        Assert.Equal(("deputy", "fao-director"), (entry.Actor, entry.OnBehalfOf));
    }

    [Fact]
    public async Task A_proxy_sees_the_tasks_offered_to_the_principals_roles_only_for_the_workflows_covered()
    {
        var task = await DirectorTaskAsync();
        var inbox = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Inbox>(_a.Services);
        var now = _a.Clock.GetUtcNow();
        Assert.DoesNotContain(await inbox.ListAsync("deputy", InboxScope.All), t => t.Id == task.Id);

        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(-1), now.AddDays(7), ["courtesy-request"], "fao-director");
        Assert.DoesNotContain(await inbox.ListAsync("deputy", InboxScope.Candidate), t => t.Id == task.Id);

        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(-1), now.AddDays(7), ["sister-city-establishment"], "fao-director");
        Assert.Contains(await inbox.ListAsync("deputy", InboxScope.Candidate), t => t.Id == task.Id);
        Assert.Contains(await inbox.ListAsync("deputy", InboxScope.All), t => t.Id == task.Id);
        Assert.DoesNotContain(await inbox.ListAsync("deputy", InboxScope.Mine), t => t.Id == task.Id);
    }

    [Fact]
    public async Task A_proxy_outside_its_period_or_for_other_workflows_cannot_decide()
    {
        var task = await DirectorTaskAsync();
        var now = _a.Clock.GetUtcNow();
        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(-10), now.AddDays(-1), [], "fao-director");
        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(1), now.AddDays(5), [], "fao-director");
        await _a.Proxies.SetAsync("fao-director", "deputy", now.AddDays(-1), now.AddDays(5), ["courtesy-request"], "fao-director");

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, "deputy", "Approved", null, "op"));
    }

    [Fact]
    public async Task A_repeated_operation_returns_the_first_result_and_a_different_second_decision_conflicts()
    {
        var task = await DirectorTaskAsync();

        var first = await _a.Tasks.DecideAsync(task.Id, "fao-director", "Approved", null, "op-1");
        var again = await _a.Tasks.DecideAsync(task.Id, "fao-director", "Approved", null, "op-1");
        var conflict = await Assert.ThrowsAsync<TaskConflictException>(() => _a.Tasks.DecideAsync(task.Id, "fao-director",
            "Rejected", "改变主意", "op-2"));

        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal("Approved", again.Task.Outcome);
        Assert.Contains("already decided", conflict.Message);
        Assert.Single(await _a.OpenTasksAsync(task.RequestId!));
    }

    [Fact]
    public async Task An_outcome_the_stage_does_not_offer_is_refused()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");
        await _a.DecideAsync(request.Id, "director", "fao-director", "Approved");
        var leadership = await _a.TaskAtAsync(request.Id, "leadership");

        var ex = await Assert.ThrowsAsync<DecisionInvalidException>(() => _a.Tasks.DecideAsync(leadership.Id,
            "city-leadership", "Returned", "x", "op"));

        Assert.Equal("outcome", ex.Field);
    }

    [Fact]
    public async Task A_claimed_task_belongs_to_its_claimant_until_released()
    {
        _a.Directory.Add("director2", null, "fao-director");
        var task = await DirectorTaskAsync();

        await _a.Tasks.ClaimAsync(task.Id, "director2");
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, "fao-director", "Approved", null, "op"));
        await Assert.ThrowsAsync<TaskConflictException>(() => _a.Tasks.ClaimAsync(task.Id, "fao-director"));
        await _a.Tasks.ReleaseAsync(task.Id, "director2");
        await _a.Tasks.DecideAsync(task.Id, "fao-director", "Approved", null, "op");

        var actions = (await _a.AuditOfAsync(task.RequestId!)).Where(e => e.TaskId == task.Id).Select(e => e.Action).ToList();
        Assert.Equal(["Claimed", "Released", "Decision"], actions);
    }

    [Fact]
    public async Task A_transferred_task_is_decided_by_its_new_assignee_only()
    {
        var task = await DirectorTaskAsync();

        await _a.Tasks.ReassignAsync(task.Id, "fao-director", "city-leadership", "请市领导直接审阅");
        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, "fao-director", "Approved", null, "op"));
        await _a.Tasks.DecideAsync(task.Id, "city-leadership", "Approved", null, "op");

        var decided = await _a.Tasks.GetAsync(task.Id);
        Assert.Equal(("city-leadership", (string?)null), (decided.ActedBy, decided.OnBehalfOf));
    }

    [Fact]
    public async Task A_delegated_task_is_decided_on_behalf_of_the_delegator()
    {
        var task = await DirectorTaskAsync();

        await _a.Tasks.DelegateAsync(task.Id, "fao-director", "deputy", "请代为审阅");
        await _a.Tasks.DecideAsync(task.Id, "deputy", "Approved", null, "op");

        var decided = await _a.Tasks.GetAsync(task.Id);
        Assert.Equal(("deputy", "fao-director"), (decided.ActedBy, decided.OnBehalfOf));
    }
}
