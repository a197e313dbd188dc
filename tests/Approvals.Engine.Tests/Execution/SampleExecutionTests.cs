using Approvals.Engine.Models;
using Approvals.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Tests.Execution;

public sealed class SampleExecutionTests
{
    [Fact]
    public async Task Fork_decision_join_waitall_runs_as_in_elsa_and_faults_on_the_false_branch()
    {
        await using var engine = await TestEngine.CreateAsync();
        var definitionId = await engine.PublishAsync(Samples.Read("v3-fork-decision-join-waitall.json"));

        var result = await engine.Runtime.StartAsync(definitionId);

        Assert.Equal(["A", "C", "B", "D"], engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("cfffbc06a0b6eeb0", incident.ActivityId);
        Assert.Equal("that went south", incident.Message);
        var stored = await engine.QueryAsync(db => db.Incidents.Where(i => i.WorkflowInstanceId == result.InstanceId));
        Assert.Single(stored);
    }

    [Fact]
    public async Task The_timer_sample_waits_one_minute_on_the_clock_then_writes_its_line()
    {
        await using var engine = await TestEngine.CreateAsync();
        var definitionId = await engine.PublishAsync(Samples.Read("v3-timer-workflow.json"));

        var started = await engine.Runtime.StartAsync(definitionId);

        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal(engine.Clock.GetUtcNow().AddMinutes(1), bookmark.ResumeAt);
        var row = Assert.Single(await engine.QueryAsync(db => db.Bookmarks.Where(b => b.Id == bookmark.Id)));
        Assert.Equal(bookmark.ResumeAt, row.ResumeAt);
        Assert.Empty(engine.Output.Lines);

        engine.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync());
        Assert.Empty(engine.Output.Lines);

        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync());

        Assert.Equal(["Hello from timer"], engine.Output.Lines);
        var instance = (await engine.QueryAsync(db => db.Instances.Where(i => i.Id == started.InstanceId))).Single();
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
    }
}
