using System.Text.Json;
using Approvals.Activities.Persistence;
using Approvals.Activities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Activities.Tests.Support.Definitions;

namespace Approvals.Activities.Tests.Persistence;

/// <summary>
/// A decision's first read (the task with its request's applicant) through SQLite's kept connections gives what the same
/// read through Entity Framework gives: every column of the task, the applicant, or nothing for an unknown task.
/// </summary>
public sealed class TaskReadTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private ApprovalsDbContextFactory Factory => _a.Services.GetRequiredService<ApprovalsDbContextFactory>();

    [Fact]
    public async Task The_task_with_its_applicant_reads_the_same_through_kept_connections_as_through_the_model()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved", "同意，报主任");
        var decided = Assert.Single(
            await _a.QueryAsync(db => db.Tasks.Where(t => t.RequestId == request.Id && t.ActivityId == "division")));
        var open = await _a.TaskAtAsync(request.Id, "director");
        _a.Directory.Add("approver", null, "outbound-division");
        await _a.Services.GetRequiredService<Engine.Definitions.WorkflowDefinitionStore>().ImportAsync(Of("no-request",
            [Activity("only", "Approvals.Review", ("assignee", Literal("approver")))], []), publish: true);
        var instance = await _a.Runtime.StartAsync("no-request");
        var alone = Assert.Single(await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == instance.InstanceId)));

        var reads = Factory.Reads ?? throw new InvalidOperationException("The test host runs on SQLite.");
        foreach (var task in new[] { decided, open, alone })
        {
            var kept = ApprovalsQueries.TaskWithApplicantById(reads, Factory.Model, task.Id);
            await using var db = Factory.Create();
            var throughModel = await ApprovalsQueries.TaskWithApplicantById(db, task.Id, default);
            Assert.NotNull(kept);
            Assert.Equal(JsonSerializer.Serialize(throughModel), JsonSerializer.Serialize(kept));
            Assert.Equal(task.RequestId is null ? null : "applicant", kept.ApplicantId);
        }
        Assert.Equal("同意，报主任", ApprovalsQueries.TaskWithApplicantById(reads, Factory.Model, decided.Id)!.Task.Comment);
        Assert.Null(ApprovalsQueries.TaskWithApplicantById(reads, Factory.Model, "no-such-task"));
    }

    [Fact]
    public async Task Tasks_and_requests_by_ids_read_the_same_through_kept_connections_as_through_the_model()
    {
        var first = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var second = await _a.Requests.SubmitAsync("applicant", "courtesy", FormData.Courtesy("bureau"));
        var taskIds = (await _a.QueryAsync(db => db.Tasks.Select(t => t.Id))).Append("no-such-task").ToArray();
        string[] requestIds = [first.Id, second.Id, "no-such-request"];

        var reads = Factory.Reads ?? throw new InvalidOperationException("The test host runs on SQLite.");
        var tasks = ApprovalsQueries.TasksByIds(reads, Factory.Model, taskIds);
        var requests = ApprovalsQueries.RequestsByIds(reads, Factory.Model, requestIds);
        await using var db = Factory.Create();

        Assert.Equal(taskIds.Length - 1, tasks.Count);
        Assert.Equal([first.Id, second.Id], requests.Keys.Order());
        Assert.Equal(Json(await ApprovalsQueries.TasksByIds(db, taskIds, default)), Json(tasks));
        Assert.Equal(Json(await ApprovalsQueries.RequestsByIds(db, requestIds, default)), Json(requests));
        Assert.Equal(first.Number, requests[first.Id].Number);
        Assert.Empty(ApprovalsQueries.TasksByIds(reads, Factory.Model, []));
    }

    private static string Json<T>(Dictionary<string, T> rows) => JsonSerializer.Serialize(rows.OrderBy(r => r.Key, StringComparer.Ordinal));
}
