using Approvals.Engine.Activities;
using Approvals.Engine.Models;
using Approvals.Engine.Runtime;
using Approvals.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Runtime;

/// <summary>
/// A resume updates only the instance columns it changed (an unchanged indexed column is left out of the update), and
/// the bookmark indexes hold one kind each: stimulus bookmarks, timers.
/// </summary>
public sealed class InstanceRowTests
{
    [Fact]
    public async Task A_resume_that_changes_the_correlation_id_and_then_the_status_writes_both_to_the_instance_row()
    {
        await using var engine = await TestEngine.CreateAsync();
        var id = await engine.PublishAsync(new Flow("recorrelate")
            .Activity("first", "Elsa.Event", ("eventName", Literal("first")))
            .Activity("correlate", "Elsa.Correlate", ("correlationId", Literal("after-first")))
            .Activity("second", "Elsa.Event", ("eventName", Literal("second")))
            .Connect("first", "correlate").Connect("correlate", "second").ToString());
        var started = await engine.Runtime.StartAsync(id, new StartWorkflowOptions { CorrelationId = "before" });

        Assert.Equal(1, (await engine.Runtime.PublishEventAsync("first", correlationId: "before")).Matched);
        var row = (await engine.QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.Id == started.InstanceId))).Single();
        Assert.Equal(("after-first", WorkflowStatus.Running), (row.CorrelationId, row.Status));

        // The column, not only the state: the second event finds the instance by its new correlation id.
        Assert.Equal(1, (await engine.Runtime.PublishEventAsync("second", correlationId: "after-first")).Matched);
        row = (await engine.QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.Id == started.InstanceId))).Single();
        Assert.Equal(("after-first", WorkflowStatus.Finished), (row.CorrelationId, row.Status));
        Assert.NotNull(row.FinishedAt);
    }

    [Fact]
    public async Task A_stimulus_with_a_timers_name_and_key_does_not_resume_the_timer()
    {
        await using var engine = await TestEngine.CreateAsync();
        var id = await engine.PublishAsync(new Flow("delay")
            .Activity("wait", "Elsa.Delay", ("timeSpan", Literal("PT30S", "TimeSpan"))).WriteLine("after", "after")
            .Connect("wait", "after").ToString());
        var started = await engine.Runtime.StartAsync(id);
        var timer = Assert.Single(started.Bookmarks);
        Assert.NotNull(timer.ResumeAt);

        var outcome = await engine.Runtime.TriggerAsync(Delay.BookmarkName, timer.ActivityExecutionId);

        Assert.Equal(0, outcome.Matched);
        Assert.Empty(await engine.Runtime.FindBookmarksAsync(Delay.BookmarkName, timer.ActivityExecutionId));
        Assert.Empty(engine.Output.Lines);
        // Its time still resumes it.
        Assert.Equal(WorkflowStatus.Finished, (await engine.Runtime.ResumeAsync(timer.Id)).Status);
        Assert.Equal(["after"], engine.Output.Lines);
    }
}
