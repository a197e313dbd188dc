using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Seeding;
using Approvals.Activities.Tests.Support;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Activities.Tests.Domain;

public sealed class SeedingAndQuotaTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Fact]
    public async Task A_later_start_never_overwrites_an_administrators_newer_version()
    {
        var definitions = _a.Services.GetRequiredService<WorkflowDefinitionStore>();
        var v1 = (await definitions.FindAsync("courtesy-request", DefinitionVersionOptions.Published))!;
        Assert.Equal(1, v1.Version);
        var edited = WorkflowDefinitionStore.ToDocument(v1);
        edited.Name = "礼遇请示（修订）";
        await definitions.SaveAsync(edited, publish: true);

        var again = await _a.Services.GetRequiredService<WorkflowSeeder>()
            .SeedWorkflowsAsync(Path.Combine(AppContext.BaseDirectory, "workflows"));

        Assert.Empty(again);
        var versions = await definitions.ListVersionsAsync("courtesy-request");
        Assert.Equal([1, 2], versions.Select(v => v.Version).ToList());
        Assert.Equal("礼遇请示（修订）", versions.Single(v => v.IsPublished).Name);
    }

    [Fact]
    public async Task The_default_quota_is_last_years_approved_total_less_five_percent_rounded_down()
    {
        await using (var db = _a.Db())
        {
            for (var i = 0; i < 7; i++)
                db.QuotaUses.Add(new QuotaUse { RequestId = $"r{i}", UnitId = TestDirectory.Wujiang, Year = 2025, Trips = 1, Persons = 3 });
            db.QuotaUses.Add(new QuotaUse { RequestId = "cancelled", UnitId = TestDirectory.Wujiang, Year = 2025, Trips = 1, Persons = 9,
                ReleasedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var standing = await _a.Services.GetRequiredService<QuotaLedger>().StandingAsync(TestDirectory.Wujiang, 2026);

        Assert.Equal((6, 19, "default"), (standing.QuotaTrips, standing.QuotaPersons, standing.Source));
    }

    [Fact]
    public async Task Cancelling_an_approved_trip_releases_its_quota()
    {
        await using (var db = _a.Db())
        {
            db.UnitQuotas.Add(new UnitQuota { UnitId = TestDirectory.Wujiang, Year = 2026, Trips = 5, Persons = 20 });
            await db.SaveChangesAsync();
        }
        var request = await _a.Requests.SubmitAsync("applicant", "outbound-travel", FormData.Travel());
        await _a.DecideAsync(request.Id, "unitHead", "unit-head", "Approved");
        await _a.DecideAsync(request.Id, "preReview", "outbound-division", "Approved");
        foreach (var member in new[] { "board1", "board2", "board3" })
        {
            var vote = (await _a.OpenTasksAsync(request.Id)).Single(t => t.AssigneeId == member);
            await _a.Tasks.DecideAsync(vote.Id, member, "Approved", null, member);
        }
        await _a.DecideAsync(request.Id, "issue", "outbound-division", "Approved");
        var ledger = _a.Services.GetRequiredService<QuotaLedger>();
        Assert.Equal(1, (await ledger.StandingAsync(TestDirectory.Wujiang, 2026)).UsedTrips);

        var cancelled = await _a.Requests.WithdrawAsync(request.Id, "applicant", "出访取消");

        Assert.Equal((RequestState.Withdrawn, "已取消"), (cancelled.State, cancelled.Status));
        Assert.Equal((0, 0), ((await ledger.StandingAsync(TestDirectory.Wujiang, 2026)).UsedTrips,
            (await ledger.StandingAsync(TestDirectory.Wujiang, 2026)).UsedPersons));
        Assert.Equal(WorkflowStatus.Finished, (await _a.Runtime.GetStateAsync(request.WorkflowInstanceId))!.Status);
        Assert.Contains(await _a.AuditOfAsync(request.Id), e => e.Action == "Cancelled" && e.Comment == "出访取消");
    }

    [Fact]
    public async Task Only_the_applicants_unit_may_withdraw()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());

        await Assert.ThrowsAsync<Activities.Tasks.TaskForbiddenException>(() => _a.Requests.WithdrawAsync(request.Id, "applicant2", null));
        await Assert.ThrowsAsync<Activities.Tasks.TaskForbiddenException>(() => _a.Requests.SubmitAsync("fao-director",
            "sister-city", FormData.SisterCity()));

        Assert.Equal(RequestState.InProgress, (await _a.RequestAsync(request.Id)).State);
    }
}
