using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Activities.Tests.Support;
using Approvals.Engine.Models;

namespace Approvals.Activities.Tests.Workflows;

public sealed class CourtesyWorkflowTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Theory]
    [InlineData("ministerial", new[] { "airport-vip" }, true)]
    [InlineData("head-of-state", new string[0], true)]
    [InlineData("bureau", new[] { "police-escort" }, true)]
    [InlineData("bureau", new[] { "airport-vip", "leader-meeting" }, false)]
    [InlineData("other", new string[0], false)]
    public async Task Rank_and_courtesies_decide_the_route(string rank, string[] courtesies, bool upToLeadership)
    {
        var request = await _a.Requests.SubmitAsync("applicant", "courtesy", FormData.Courtesy(rank, courtesies));
        await _a.DecideAsync(request.Id, "protocol", "protocol-division", "Approved");

        var next = Assert.Single(await _a.OpenTasksAsync(request.Id));
        Assert.Equal(upToLeadership ? "directorHigh" : "directorLow", next.ActivityId);
        await _a.DecideAsync(request.Id, next.ActivityId, "fao-director", "Approved");
        if (upToLeadership)
        {
            await _a.DecideAsync(request.Id, "leadership", "city-leadership", "Approved");
            await _a.DecideAsync(request.Id, "provincial", "fao-liaison", "Approved",
                payload: new JsonObject { ["documentNumber"] = "苏外礼〔2026〕5号", ["date"] = "2026-03-10" });
        }

        Assert.Equal(RequestState.Approved, (await _a.RequestAsync(request.Id)).State);
        var notice = (await _a.NotificationsAsync(request.Id)).Where(m => m.Template == "acting-unit-notice")
            .SelectMany(m => m.To).ToList();
        Assert.Equal(["applicant@approvals.test", "airport-protocol@approvals.test", "police-escort@approvals.test"], notice);
    }

    [Fact]
    public async Task Protocol_is_reminded_two_working_days_before_arrival_and_the_host_closes_the_visit()
    {
        // Arrival Friday 20 March 10:00 Beijing; two working days before is Wednesday 18 March 10:00.
        var request = await _a.Requests.SubmitAsync("applicant", "courtesy", FormData.Courtesy("bureau"));
        await _a.DecideAsync(request.Id, "protocol", "protocol-division", "Approved");
        await _a.DecideAsync(request.Id, "directorLow", "fao-director", "Approved");

        await _a.AdvanceToAsync(new DateTimeOffset(2026, 3, 18, 9, 59, 0, TimeSpan.FromHours(8)));
        Assert.DoesNotContain(await _a.NotificationsAsync(request.Id), m => m.Template == "arrival-reminder");
        await _a.AdvanceToAsync(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.FromHours(8)));
        var reminder = (await _a.NotificationsAsync(request.Id)).Single(m => m.Template == "arrival-reminder");
        Assert.Equal(["protocol-division@approvals.test"], reminder.To);

        Assert.Empty(await _a.OpenTasksAsync(request.Id));
        await _a.AdvanceToAsync(new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.FromHours(8)));
        await _a.DecideAsync(request.Id, "done", "applicant", "Recorded", payload: new JsonObject { ["summary"] = "接待顺利" });

        Assert.Equal((RequestState.Closed, "已办结"), ((await _a.RequestAsync(request.Id)).State, (await _a.RequestAsync(request.Id)).Status));
        Assert.Equal(WorkflowStatus.Finished, (await _a.Runtime.GetStateAsync(request.WorkflowInstanceId))!.Status);
    }
}
