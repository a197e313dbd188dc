using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Activities.Tests.Support.Definitions;

namespace Approvals.Activities.Tests.Tasks;

/// <summary><c>Elsa.RunTask</c> is served by the task model: it appears in the inbox and closes with its bookmark.</summary>
public sealed class RunTaskTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync()
    {
        _a = await TestApprovals.CreateAsync();
        await _a.Services.GetRequiredService<WorkflowDefinitionStore>().ImportAsync(Of("run-task",
            [Activity("translate", "Elsa.RunTask", ("taskName", Literal("翻译邀请函")),
            ("payload", Object("{\"roles\":[\"fao-liaison\"]}", "Object")))],
            []), publish: true);
    }

    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Fact]
    public async Task A_run_task_request_becomes_an_inbox_task_that_a_candidate_completes()
    {
        var run = await _a.Runtime.StartAsync("run-task");
        var task = Assert.Single(await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == run.InstanceId)));
        Assert.Equal(("run-task", "翻译邀请函", HumanTaskStatus.Open), (task.Kind, task.Title, task.Status));
        Assert.Equal(["fao-liaison"], task.CandidateRoles);

        await Assert.ThrowsAsync<TaskForbiddenException>(() => _a.Tasks.DecideAsync(task.Id, "outsider", "Done", null, "op"));
        await _a.Tasks.DecideAsync(task.Id, "fao-liaison", "Done", null, "op", new JsonObject { ["english"] = "invitation" });

        var done = await _a.Tasks.GetAsync(task.Id);
        Assert.Equal((HumanTaskStatus.Completed, "fao-liaison"), (done.Status, done.ActedBy));
        var state = await _a.Runtime.GetStateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state!.Status);
        Assert.Equal("invitation", state.ActivityOutputs["translate"]["Result"]!["english"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completing_through_the_engine_closes_the_inbox_task_too()
    {
        var run = await _a.Runtime.StartAsync("run-task");
        var task = Assert.Single(await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == run.InstanceId)));

        await _a.Runtime.CompleteTaskAsync(task.Id, new JsonObject { ["english"] = "done by api" });

        Assert.Equal(HumanTaskStatus.Completed, (await _a.Tasks.GetAsync(task.Id)).Status);
        await Assert.ThrowsAsync<TaskConflictException>(() => _a.Tasks.DecideAsync(task.Id, "fao-liaison", "Done", null, "op"));
    }
}
