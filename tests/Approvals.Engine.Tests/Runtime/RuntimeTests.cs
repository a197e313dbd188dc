using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Runtime;
using Approvals.Engine.Tests.Support;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Runtime;

public sealed class RuntimeTests
{
    private static Flow WaitForEvent(string id, string eventName = "go") => new Flow(id)
        .Variable("Note", "String", "kept")
        .WriteLine("before", "before")
        .Activity("wait", "Elsa.Event", ("eventName", Literal(eventName)))
        .Activity("after", "Elsa.WriteLine", ("text", Js("'after ' + getNote() + ' ' + getOutputFrom('wait', 'Result').n")))
        .Connect("before", "wait").Connect("wait", "after");

    [Fact]
    public async Task An_event_published_to_the_runtime_resumes_the_waiting_instance_with_its_payload()
    {
        await using var engine = await TestEngine.CreateAsync();
        var id = await engine.PublishAsync(WaitForEvent("evt").ToString());
        var started = await engine.Runtime.StartAsync(id, new StartWorkflowOptions { CorrelationId = "req-1" });
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        var outcome = await engine.Runtime.PublishEventAsync("go", new JsonObject { ["n"] = 7 }, correlationId: "req-1");

        Assert.Equal(1, outcome.Matched);
        Assert.Equal(["before", "after kept 7"], engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Finished, outcome.Resumed[0].Status);
    }

    [Fact]
    public async Task A_stimulus_that_matches_nothing_is_reported_not_dropped()
    {
        await using var engine = await TestEngine.CreateAsync();
        var id = await engine.PublishAsync(WaitForEvent("evt").ToString());
        await engine.Runtime.StartAsync(id, new StartWorkflowOptions { CorrelationId = "req-1" });

        Assert.True((await engine.Runtime.PublishEventAsync("other")).NoMatch);
        Assert.True((await engine.Runtime.PublishEventAsync("go", correlationId: "req-2")).NoMatch);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Runtime.ResumeAsync("no-such-bookmark"));
        Assert.Single(await engine.QueryAsync(db => db.Bookmarks));
    }

    [Fact]
    public async Task Publish_event_activity_resumes_another_instance_after_commit()
    {
        await using var engine = await TestEngine.CreateAsync();
        var waiting = await engine.Runtime.StartAsync(await engine.PublishAsync(WaitForEvent("listener", "ready").ToString()));
        var publisher = await engine.PublishAsync(new Flow("publisher")
            .Activity("p", "Elsa.PublishEvent", ("eventName", Literal("ready")), ("payload", Obj("{\"n\":1}"))).ToString());

        await engine.Runtime.StartAsync(publisher);

        Assert.Equal(WorkflowStatus.Finished, (await engine.Runtime.GetStateAsync(waiting.InstanceId))!.Status);
        Assert.Equal(["before", "after kept 1"], engine.Output.LinesOf(waiting.InstanceId));
    }

    [Fact]
    public async Task A_local_event_resumes_the_same_instance_within_the_burst()
    {
        await using var engine = await TestEngine.CreateAsync();
        var result = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("local")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Wait\",\"Raise\"]", "String[]")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("ping")))
            .Activity("raise", "Elsa.PublishEvent", ("eventName", Literal("ping")), ("isLocal", Literal("true", "Boolean")))
            .WriteLine("heard", "heard")
            .Connect("fork", "wait", "Wait").Connect("fork", "raise", "Raise").Connect("wait", "heard").ToString()));

        Assert.Equal(["heard"], engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
    }

    [Fact]
    public async Task Run_task_is_requested_through_the_outbox_and_completed_by_its_task_id_once()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("task")
            .Activity("t", "Elsa.RunTask", ("taskName", Literal("Translate")), ("payload", Obj("{\"text\":\"友好城市\"}")))
            .Activity("show", "Elsa.WriteLine", ("text", Js("getOutputFrom('t','Result').english")))
            .Connect("t", "show").ToString()));
        var request = Assert.Single(await engine.QueryAsync(db => db.Outbox.Where(m => m.Kind == "run-task")));
        var taskId = request.Body["taskId"]!.GetValue<string>();
        Assert.Equal("友好城市", request.Body["payload"]!["text"]!.GetValue<string>());

        var done = await engine.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["english"] = "sister city" });

        Assert.Equal(started.InstanceId, done.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal(["sister city"], engine.Output.Lines);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => engine.Runtime.CompleteTaskAsync(taskId));
    }

    [Fact]
    public async Task Fifty_parallel_resumes_of_one_bookmark_let_exactly_one_win()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(WaitForEvent("race").ToString()));
        var bookmark = Assert.Single(started.Bookmarks);

        // Two engines on one file, as two host processes: half the resumes race through each.
        var runtimes = new[] { engine.Runtime, engine.CreatePeerRuntime() };
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await runtimes[i % 2].ResumeAsync(bookmark.Id, new JsonObject { ["payload"] = new JsonObject { ["n"] = 1 } });
                return "won";
            }
            catch (BookmarkNotFoundException)
            {
                return "gone";
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.Equal(49, outcomes.Count(o => o == "gone"));
        Assert.Equal(["before", "after kept 1"], engine.Output.Lines);
        var completions = await engine.QueryAsync(db => db.Journal.Where(j => j.ActivityId == "after" && j.EventName == "Completed"));
        Assert.Single(completions);
    }

    [Fact]
    public async Task Bursts_committed_together_keep_their_own_outcomes_when_some_of_them_lose_a_race()
    {
        await using var engine = await TestEngine.CreateAsync();
        var definition = await engine.PublishAsync(WaitForEvent("grouped").ToString());
        var bookmarks = new List<string>();
        for (var i = 0; i < 30; i++) bookmarks.Add(Assert.Single((await engine.Runtime.StartAsync(definition)).Bookmarks).Id);

        // Sixty resumes at once, each bookmark twice through two engines on one file: the bursts that wait for their turn to write
        // are committed in groups, and the losing resume of each bookmark is undone alone and told so.
        var runtimes = new[] { engine.Runtime, engine.CreatePeerRuntime() };
        var attempts = bookmarks.SelectMany((id, i) => new[] { (id, runtimes[i % 2]), (id, runtimes[(i + 1) % 2]) })
            .Select(pair => Task.Run(async () =>
        {
            try
            {
                await pair.Item2.ResumeAsync(pair.id, new JsonObject { ["payload"] = new JsonObject { ["n"] = 1 } });
                return pair.id;
            }
            catch (BookmarkNotFoundException)
            {
                return null;
            }
        })).ToList();
        var winners = (await Task.WhenAll(attempts)).OfType<string>().ToList();

        Assert.Equal(bookmarks.Order(), winners.Order());
        var instances = await engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == definition));
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal(30, (await engine.QueryAsync(db => db.Journal.Where(j => j.ActivityId == "after"
            && j.EventName == "Completed"))).Count);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
    }

    [Fact]
    public async Task A_burst_that_fails_alone_in_its_commit_leaves_nothing_behind_and_the_writer_carries_on()
    {
        await using var engine = await TestEngine.CreateAsync();
        var definition = await engine.PublishAsync(WaitForEvent("alone").ToString());
        await engine.Runtime.StartAsync(definition, new StartWorkflowOptions { InstanceId = "first" });

        // The same instance id again: its rows cannot be written, and with nobody else waiting its transaction is its own.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            engine.Runtime.StartAsync(definition, new StartWorkflowOptions { InstanceId = "first" }));
        await engine.Runtime.StartAsync(definition, new StartWorkflowOptions { InstanceId = "second" });

        Assert.Equal(["first", "second"], (await engine.QueryAsync(db => db.Instances.Select(i => i.Id))).Order());
        // One bookmark each: the failed start left none of its rows (the writer's transaction was rolled back, not committed).
        Assert.Equal(2, (await engine.QueryAsync(db => db.Bookmarks)).Count);
        Assert.Equal(2, engine.Output.Lines.Count(line => line == "before"));
        Assert.Equal(2, (await engine.Runtime.PublishEventAsync("go", new JsonObject { ["n"] = 1 })).Matched);
    }

    [Fact]
    public async Task More_bursts_than_one_group_waiting_at_once_are_all_committed()
    {
        await using var engine = await TestEngine.CreateAsync();
        var definition = await engine.PublishAsync(WaitForEvent("crowd").ToString());

        // Far more starts than a group takes (32), so groups fill up and callers wait behind full groups.
        var starts = Enumerable.Range(0, 150).Select(_ => Task.Run(() => engine.Runtime.StartAsync(definition))).ToList();
        // A caller left waiting for a turn nobody takes would hang here; the guard turns a hang into a failure (a minute is ample).
        var results = await Task.WhenAll(starts).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(150, results.Select(r => r.InstanceId).Distinct().Count());
        Assert.Equal(150, (await engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == definition))).Count);
        Assert.Equal(150, (await engine.QueryAsync(db => db.Bookmarks)).Count);
    }

    [Fact]
    public async Task A_fresh_engine_continues_an_instance_from_the_sqlite_file()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(WaitForEvent("durable").ToString()));
        var timerFlow = await engine.PublishAsync(new Flow("durable-timer")
            .Activity("wait", "Elsa.Delay", ("timeSpan", Literal("00:10:00", "TimeSpan"))).WriteLine("after", "timer fired")
            .Connect("wait", "after").ToString());
        var timed = await engine.Runtime.StartAsync(timerFlow);

        await engine.RestartAsync();

        var state = await engine.Runtime.GetStateAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Suspended, state!.SubStatus);
        Assert.Equal("kept", state.Variables["Note"]!.GetValue<string>());
        var outcome = await engine.Runtime.PublishEventAsync("go", new JsonObject { ["n"] = 2 });
        Assert.Equal(1, outcome.Matched);
        Assert.Equal(["before", "after kept 2"], engine.Output.Lines);

        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await engine.Runtime.ResumeDueTimersAsync());
        Assert.Equal("timer fired", engine.Output.Lines[^1]);
        Assert.Equal(WorkflowStatus.Finished, (await engine.Runtime.GetStateAsync(timed.InstanceId))!.Status);
    }

    [Fact]
    public async Task Cancelling_an_instance_removes_its_bookmarks_and_so_its_timers()
    {
        await using var engine = await TestEngine.CreateAsync();
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("cancel")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]", "String[]")))
            .Activity("a", "Elsa.Event", ("eventName", Literal("a")))
            .Activity("b", "Elsa.Delay", ("timeSpan", Literal("PT1H", "TimeSpan")))
            .Connect("fork", "a", "A").Connect("fork", "b", "B").ToString()));
        var timer = Assert.Single(started.Bookmarks, b => b.ResumeAt is not null);

        var cancelled = await engine.Runtime.CancelAsync(started.InstanceId, "withdrawn by the applicant");

        Assert.Equal(WorkflowSubStatus.Cancelled, cancelled.SubStatus);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
        engine.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await engine.Runtime.ResumeDueTimersAsync());
        var records = await engine.QueryAsync(db => db.ActivityExecutions.Where(r => r.ActivityId == "a" || r.ActivityId == "b"));
        Assert.All(records, r => Assert.Equal(ActivityStatus.Canceled, r.Status));
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Runtime.CancelAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_faulted_instance_is_retried_from_the_faulted_activity()
    {
        FlakyActivity.FailuresLeft = 1;
        await using var engine = await TestEngine.CreateAsync(r => r.Register<FlakyActivity>());
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("flaky")
            .WriteLine("a", "a").Activity("f", "Test.Flaky").WriteLine("b", "b")
            .Connect("a", "f").Connect("f", "b").ToString()));
        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);
        Assert.Contains("service unavailable", Assert.Single(started.Incidents).Message);

        var retried = await engine.Runtime.RetryAsync(started.InstanceId);

        Assert.Equal(WorkflowSubStatus.Finished, retried.SubStatus);
        Assert.Equal(["a", "b"], engine.Output.Lines);
        var incident = Assert.Single(await engine.QueryAsync(db => db.Incidents));
        Assert.NotNull(incident.ResolvedAt);
        Assert.Equal(0, (await engine.QueryAsync(db => db.Instances)).Single().IncidentCount);
    }

    [Fact]
    public async Task A_draft_save_that_changes_nothing_after_publishing_makes_no_new_version()
    {
        await using var engine = await TestEngine.CreateAsync();
        var json = WaitForEvent("unchanged").ToJson();
        var published = await engine.Definitions.ImportAsync(json.ToJsonString(), publish: true);

        // The designer saves once more right after publishing, with nothing changed (and its empty collections).
        var same = (System.Text.Json.Nodes.JsonObject)json.DeepClone();
        same["outputs"] = new System.Text.Json.Nodes.JsonArray();
        var again = await engine.Definitions.ImportAsync(same.ToJsonString(), publish: false);
        Assert.Equal((published.Id, 1), (again.Id, again.Version));

        var changed = (System.Text.Json.Nodes.JsonObject)json.DeepClone();
        changed["root"]!["activities"]![0]!["text"] = Literal("changed");
        var draft = await engine.Definitions.ImportAsync(changed.ToJsonString(), publish: false);
        Assert.Equal(2, draft.Version);
        Assert.Equal([1, 2], (await engine.Definitions.ListVersionsAsync("unchanged")).Select(v => v.Version).ToList());
    }

    [Fact]
    public async Task Published_versions_are_immutable_and_instances_stay_on_their_version()
    {
        await using var engine = await TestEngine.CreateAsync();
        var v1 = WaitForEvent("versioned").ToJson();
        var record1 = await engine.Definitions.ImportAsync(v1.ToJsonString(), publish: true);
        var old = await engine.Runtime.StartAsync("versioned");

        var v2 = WaitForEvent("versioned").ToJson();
        v2["root"]!["activities"]![0]!["text"] = Literal("before v2");
        var draft = await engine.Definitions.ImportAsync(v2.ToJsonString(), publish: false);
        Assert.Equal(2, draft.Version);
        Assert.False(draft.IsPublished);
        Assert.Equal(record1.Data, (await engine.Definitions.FindByVersionIdAsync(record1.Id))!.Data);
        await engine.Definitions.PublishAsync("versioned");
        var fresh = await engine.Runtime.StartAsync("versioned");

        var versions = await engine.Definitions.ListVersionsAsync("versioned");
        Assert.Equal([1, 2], versions.Select(v => v.Version).ToList());
        Assert.Equal([false, true], versions.Select(v => v.IsPublished).ToList());
        Assert.Equal([false, true], versions.Select(v => v.IsLatest).ToList());
        Assert.Equal(["before", "before v2"], engine.Output.Lines);
        Assert.Equal(1, (await engine.Runtime.GetStateAsync(old.InstanceId))!.DefinitionVersion);
        Assert.Equal(2, (await engine.Runtime.GetStateAsync(fresh.InstanceId))!.DefinitionVersion);
        Assert.Equal(2, (await engine.Runtime.PublishEventAsync("go", new JsonObject { ["n"] = 3 })).Matched);
    }

    [Fact]
    public async Task An_elsa2_export_with_supported_activities_imports_and_runs()
    {
        const string v2 = """
        {
          "definitionId": "legacy", "name": "Legacy", "version": 3,
          "variables": { "data": { "Amount": 20 } },
          "activities": [
            { "activityId": "s1", "type": "SetVariable", "properties": [
                { "name": "VariableName", "expressions": { "Literal": "Label" } },
                { "name": "Value", "syntax": "JavaScript", "expressions": { "JavaScript": "Amount > 10 ? 'large' : 'small'" } } ] },
            { "activityId": "if1", "type": "If", "properties": [
                { "name": "Condition", "syntax": "JavaScript", "expressions": { "JavaScript": "Label == 'large'" } } ] },
            { "activityId": "w1", "type": "WriteLine", "properties": [ { "name": "Text", "syntax": "Liquid", "expressions": {
              "Liquid": "{{ Variables.Label }} request" } } ] },
            { "activityId": "sig", "type": "SignalReceived", "properties": [ { "name": "Signal", "expressions": {
              "Literal": "Approve" } } ] },
            { "activityId": "t1", "type": "Timer", "properties": [ { "name": "Timeout", "syntax": "JavaScript", "expressions": {
              "JavaScript": "Duration.FromSeconds(10)" } } ] },
            { "activityId": "w2", "type": "WriteLine", "properties": [ { "name": "Text", "expressions": { "Literal": "approved" } } ] }
          ],
          "connections": [
            { "sourceActivityId": "s1", "targetActivityId": "if1", "outcome": "Done" },
            { "sourceActivityId": "if1", "targetActivityId": "w1", "outcome": "True" },
            { "sourceActivityId": "w1", "targetActivityId": "sig", "outcome": "Done" },
            { "sourceActivityId": "sig", "targetActivityId": "t1", "outcome": "Done" },
            { "sourceActivityId": "t1", "targetActivityId": "w2", "outcome": "Done" }
          ]
        }
        """;
        await using var engine = await TestEngine.CreateAsync();
        var record = await engine.Definitions.ImportAsync(v2, publish: true);
        Assert.Equal(3, record.Version);

        await engine.Runtime.StartAsync("legacy");
        Assert.Equal(["large request"], engine.Output.Lines);
        Assert.Equal(1, (await engine.Runtime.TriggerAsync(Activities.Event.BookmarkName, "Approve")).Matched);
        engine.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.Runtime.ResumeDueTimersAsync();

        Assert.Equal(["large request", "approved"], engine.Output.Lines);
    }

    [Fact]
    public async Task A_fault_in_one_branch_keeps_the_instance_faulted_while_another_branch_goes_on_and_a_retry_finishes_it()
    {
        FlakyActivity.FailuresLeft = 1;
        await using var engine = await TestEngine.CreateAsync(r => r.Register<FlakyActivity>());
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("two-branches")
            .WriteLine("start", "start").Activity("f", "Test.Flaky").WriteLine("fixed", "fixed")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("go"))).WriteLine("after", "after")
            .Connect("start", "wait").Connect("wait", "after").Connect("start", "f").Connect("f", "fixed").ToString()));
        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);

        // The other branch's event resumes it and that branch ends; the fault is still there.
        Assert.False((await engine.Runtime.PublishEventAsync("go")).NoMatch);
        var state = (await engine.Runtime.GetStateAsync(started.InstanceId))!;
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Faulted), (state.Status, state.SubStatus));
        Assert.Contains("after", engine.Output.Lines);

        var retried = await engine.Runtime.RetryAsync(started.InstanceId);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (retried.Status, retried.SubStatus));
        Assert.Equal(["start", "after", "fixed"], engine.Output.Lines);
    }

    [Fact]
    public async Task A_bookmark_made_and_resumed_in_one_burst_whose_resume_faults_is_kept_for_the_retry()
    {
        ResumeFailsActivity.FailuresLeft = 1;
        await using var engine = await TestEngine.CreateAsync(r => r.Register<ResumeFailsActivity>());
        var started = await engine.Runtime.StartAsync(await engine.PublishAsync(new Flow("local-resume")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Wait\",\"Publish\"]", "String[]")))
            .Activity("wait", "Test.ResumeFails").WriteLine("got", "got the ping")
            .Activity("publish", "Elsa.PublishEvent", ("eventName", Literal("ping")), ("isLocal", Literal("true", "Boolean")))
            .Connect("fork", "wait", "Wait").Connect("fork", "publish", "Publish").Connect("wait", "got").ToString()));
        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);
        var bookmark = Assert.Single(await engine.QueryAsync(db => db.Bookmarks));
        Assert.Equal("wait", bookmark.ActivityId);

        var retried = await engine.Runtime.RetryAsync(started.InstanceId);

        Assert.Equal(WorkflowSubStatus.Finished, retried.SubStatus);
        Assert.Equal(["got the ping"], engine.Output.Lines);
        Assert.Empty(await engine.QueryAsync(db => db.Bookmarks));
    }
}

[Activity("Test", "Flaky", "Test")]
public sealed class FlakyActivity : Activity
{
    public static int FailuresLeft;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("The translation service unavailable.");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Waits like <c>Elsa.Event</c> ("ping"), and its first resume fails.</summary>
[Activity("Test", "ResumeFails", "Test")]
public sealed class ResumeFailsActivity : Activity
{
    public static int FailuresLeft;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CreateBookmark(Approvals.Engine.Activities.Event.BookmarkName, "ping");
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("The ping could not be read.");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
