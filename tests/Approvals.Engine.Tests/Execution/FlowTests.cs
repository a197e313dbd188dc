using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Tests.Support;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Execution;

public sealed class FlowTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<Engine.Runtime.WorkflowRunResult> RunAsync(Flow flow, JsonObject? input = null)
    {
        var id = await _engine.PublishAsync(flow.ToString());
        return await _engine.Runtime.StartAsync(id, new Engine.Runtime.StartWorkflowOptions { Input = input });
    }

    [Fact]
    public async Task Start_writeline_end_runs_in_order_and_finishes()
    {
        var result = await RunAsync(new Flow("seq")
            .Activity("start", "Elsa.Start").WriteLine("a", "one").WriteLine("b", "two").Activity("end", "Elsa.End")
            .Connect("start", "a").Connect("a", "b").Connect("b", "end"));

        Assert.Equal(["one", "two"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        var journal = await _engine.QueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == result.InstanceId)
            .OrderBy(j => j.Sequence));
        Assert.Equal(["start", "a", "b", "end"], journal.Where(j => j.EventName == "Completed").Select(j => j.ActivityId!).ToList());
        Assert.Equal(journal.Select(j => j.Sequence), Enumerable.Range(1, journal.Count).Select(i => (long)i));
        var records = await _engine.QueryAsync(db => db.ActivityExecutions.Where(r => r.WorkflowInstanceId == result.InstanceId));
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(ActivityStatus.Completed, r.Status));
    }

    [Fact]
    public async Task An_instance_that_publishes_the_event_it_waits_for_resumes_itself_after_commit()
    {
        var run = RunAsync(new Flow("self-event")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Wait\",\"Publish\"]", "String[]")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("ping")))
            .WriteLine("got", "got the ping")
            .Activity("publish", "Elsa.PublishEvent", ("eventName", Literal("ping")))
            .Connect("fork", "wait", "Wait").Connect("fork", "publish", "Publish").Connect("wait", "got"));

        // Before, delivery ran while the instance's lock was held, and the instance waited on itself for ever.
        var started = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["got the ping"], _engine.Output.Lines);
        Assert.Empty(await _engine.QueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == started.InstanceId)));
        var delivered = Assert.Single(await _engine.QueryAsync(db => db.Outbox.Where(m => m.Kind == "event")));
        Assert.Equal(OutboxStatus.Sent, delivered.Status);
    }

    [Theory]
    [InlineData("return getInput('Amount') > 100;", "big")]
    [InlineData("getInput('Amount') <= 100", "small")]
    public async Task Decision_routes_by_its_condition(string condition, string expected)
    {
        await RunAsync(new Flow("decide")
            .Activity("d", "Elsa.FlowDecision", ("condition", Js(condition, "Boolean")))
            .WriteLine("big", "big").WriteLine("small", "small")
            .Connect("d", "big", "True").Connect("d", "small", "False"),
            new JsonObject { ["Amount"] = 250 });

        Assert.Equal([expected], _engine.Output.Lines);
    }

    [Theory]
    [InlineData("MatchFirst", 7, new[] { "low" })]
    [InlineData("MatchAny", 7, new[] { "low", "odd" })]
    [InlineData("MatchFirst", 50, new[] { "default" })]
    public async Task Switch_routes_to_matching_cases_or_default(string mode, int n, string[] expected)
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Low", ["condition"] = new JsonObject { ["type"] = "JavaScript",
            ["value"] = "getInput('N') < 10" } },
            new JsonObject { ["label"] = "Odd", ["condition"] = new JsonObject { ["type"] = "JavaScript",
                ["value"] = "getInput('N') % 2 == 1" } });
        await RunAsync(new Flow("switch")
            .Activity("s", "Elsa.FlowSwitch", ("cases", cases), ("mode", Literal(mode)))
            .WriteLine("low", "low").WriteLine("odd", "odd").WriteLine("default", "default")
            .Connect("s", "low", "Low").Connect("s", "odd", "Odd").Connect("s", "default", "Default"),
            new JsonObject { ["N"] = n });

        Assert.Equal(expected, _engine.Output.Lines);
    }

    [Fact]
    public async Task A_loop_runs_until_its_condition_fails()
    {
        var result = await RunAsync(new Flow("loop")
            .Variable("Counter", "Int32", "0")
            .Activity("inc", "Elsa.SetVariable", ("variable", VariableRef("Counter")), ("value", Js("getCounter() + 1")))
            .Activity("log", "Elsa.WriteLine", ("text", Liquid("pass {{ Variables.Counter }}")))
            .Activity("again", "Elsa.FlowDecision", ("condition", Js("return getCounter() < 3;", "Boolean")))
            .WriteLine("done", "done")
            .Connect("inc", "log").Connect("log", "again").Connect("again", "inc", "True").Connect("again", "done", "False"));

        Assert.Equal(["pass 1", "pass 2", "pass 3", "done"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Fork_then_waitall_join_waits_for_every_branch()
    {
        var result = await RunAsync(new Flow("waitall")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Left\",\"Right\"]", "String[]")))
            .Activity("left", "Elsa.Event", ("eventName", Literal("left")))
            .Activity("right", "Elsa.Event", ("eventName", Literal("right")))
            .Activity("join", "Elsa.FlowJoin", ("mode", Literal("WaitAll")))
            .WriteLine("after", "joined")
            .Connect("fork", "left", "Left").Connect("fork", "right", "Right")
            .Connect("left", "join").Connect("right", "join").Connect("join", "after"));
        Assert.Equal(2, result.Bookmarks.Count);

        await _engine.Runtime.PublishEventAsync("left");
        Assert.Empty(_engine.Output.Lines);
        await _engine.Runtime.PublishEventAsync("right");

        Assert.Equal(["joined"], _engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Runtime.GetStateAsync(result.InstanceId))!.Status);
    }

    [Fact]
    public async Task Waitall_join_is_not_blocked_by_a_branch_a_decision_did_not_take()
    {
        await RunAsync(new Flow("waitall-dead")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"A\",\"B\"]", "String[]")))
            .WriteLine("a", "a")
            .Activity("d", "Elsa.FlowDecision", ("condition", Literal("false", "Boolean")))
            .WriteLine("b", "b")
            .Activity("join", "Elsa.FlowJoin", ("mode", Literal("WaitAll")))
            .WriteLine("after", "joined")
            .Connect("fork", "a", "A").Connect("fork", "d", "B").Connect("d", "b", "True")
            .Connect("a", "join").Connect("b", "join").Connect("join", "after"));

        Assert.Equal(["a", "joined"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Waitany_join_continues_on_the_first_branch_and_cancels_the_others_with_their_timers()
    {
        var result = await RunAsync(new Flow("waitany")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Approve\",\"Reject\",\"Remind\"]", "String[]")))
            .Activity("approve", "Elsa.Event", ("eventName", Literal("approve")))
            .Activity("reject", "Elsa.Event", ("eventName", Literal("reject")))
            .Activity("remind", "Elsa.Timer", ("interval", Literal("PT1H", "TimeSpan")))
            .WriteLine("nag", "reminder")
            .Activity("join", "Elsa.FlowJoin", ("mode", Literal("WaitAny")))
            .WriteLine("after", "decided")
            .Connect("fork", "approve", "Approve").Connect("fork", "reject", "Reject").Connect("fork", "remind", "Remind")
            .Connect("remind", "nag").Connect("nag", "join")
            .Connect("approve", "join").Connect("reject", "join").Connect("join", "after"));
        var timer = Assert.Single(result.Bookmarks, b => b.ResumeAt is not null);

        var approved = await _engine.Runtime.PublishEventAsync("approve");

        Assert.Equal(1, approved.Matched);
        Assert.Equal(["decided"], _engine.Output.Lines);
        Assert.Empty(await _engine.QueryAsync(db => db.Bookmarks));
        Assert.DoesNotContain(await _engine.QueryAsync(db => db.Bookmarks), b => b.Id == timer.Id);
        Assert.True((await _engine.Runtime.PublishEventAsync("reject")).NoMatch);
        _engine.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _engine.Runtime.ResumeDueTimersAsync());
        Assert.Equal(["decided"], _engine.Output.Lines);
        var journal = await _engine.QueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == result.InstanceId
            && j.EventName == "Cancelled"));
        Assert.Equal(["reject", "remind"], journal.Select(j => j.ActivityId!).Order().ToList());
    }

    [Fact]
    public async Task Implicit_join_runs_once_when_both_branches_arrive()
    {
        await RunAsync(new Flow("implicit")
            .Activity("start", "Elsa.Start").WriteLine("a", "a").WriteLine("b", "b").WriteLine("c", "c")
            .Connect("start", "a").Connect("start", "b").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["a", "b", "c"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Implicit_join_does_not_wait_for_a_branch_that_was_not_taken()
    {
        await RunAsync(new Flow("implicit-none")
            .Activity("start", "Elsa.Start").WriteLine("a", "A")
            .Activity("d", "Elsa.FlowDecision", ("condition", Js("return false;", "Boolean")))
            .WriteLine("b", "B").WriteLine("c", "C")
            .Connect("start", "a").Connect("start", "d").Connect("d", "b", "True").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["A", "C"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Converge_merge_mode_blocks_on_a_branch_that_was_not_taken()
    {
        await RunAsync(new Flow("converge")
            .Activity("start", "Elsa.Start").WriteLine("a", "A")
            .Activity("d", "Elsa.FlowDecision", ("condition", Js("return false;", "Boolean")))
            .WriteLine("b", "B").WriteLine("c", "C").MergeMode("c", "Converge")
            .Connect("start", "a").Connect("start", "d").Connect("d", "b", "True").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["A"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Stream_merge_mode_waits_for_sources_still_running_then_runs_once()
    {
        await RunAsync(new Flow("stream")
            .Activity("start", "Elsa.Start").WriteLine("a", "a").WriteLine("b", "b").WriteLine("c", "c").MergeMode("c", "Stream")
            .Connect("start", "a").Connect("start", "b").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["a", "b", "c"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Cascade_merge_mode_runs_once_per_arriving_token()
    {
        await RunAsync(new Flow("cascade")
            .Activity("start", "Elsa.Start").WriteLine("a", "a").WriteLine("b", "b").WriteLine("c", "c").MergeMode("c", "Cascade")
            .Connect("start", "a").Connect("start", "b").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["a", "b", "c", "c"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Stream_join_waits_for_a_source_suspended_on_a_bookmark()
    {
        var result = await RunAsync(new Flow("stream-wait")
            .Activity("start", "Elsa.Start").WriteLine("a", "a")
            .Activity("e", "Elsa.Event", ("eventName", Literal("go")))
            .WriteLine("c", "c")
            .Connect("start", "a").Connect("start", "e").Connect("a", "c").Connect("e", "c"));
        Assert.Equal(["a"], _engine.Output.Lines);

        await _engine.Runtime.PublishEventAsync("go");

        Assert.Equal(["a", "c"], _engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Runtime.GetStateAsync(result.InstanceId))!.Status);
    }

    [Fact]
    public async Task Merge_mode_waits_for_every_forward_branch_even_one_not_taken()
    {
        await RunAsync(new Flow("merge")
            .Activity("start", "Elsa.Start").WriteLine("a", "A")
            .Activity("d", "Elsa.FlowDecision", ("condition", Js("return false;", "Boolean")))
            .WriteLine("b", "B").WriteLine("c", "C").MergeMode("c", "Merge")
            .Connect("start", "a").Connect("start", "d").Connect("d", "b", "True").Connect("a", "c").Connect("b", "c"));

        Assert.Equal(["A"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Delay_waits_for_the_clock()
    {
        var result = await RunAsync(new Flow("delay")
            .Activity("wait", "Elsa.Delay", ("timeSpan", Literal("PT30S", "TimeSpan"))).WriteLine("after", "after")
            .Connect("wait", "after"));
        Assert.Equal(_engine.Clock.GetUtcNow().AddSeconds(30), Assert.Single(result.Bookmarks).ResumeAt);

        _engine.Clock.Advance(TimeSpan.FromSeconds(29));
        await _engine.Runtime.ResumeDueTimersAsync();
        Assert.Empty(_engine.Output.Lines);
        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        await _engine.Runtime.ResumeDueTimersAsync();

        Assert.Equal(["after"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Finish_ends_the_workflow_and_cancels_waiting_branches()
    {
        var result = await RunAsync(new Flow("finish")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"Wait\",\"Stop\"]", "String[]")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("never")))
            .Activity("stop", "Elsa.Finish")
            .Connect("fork", "wait", "Wait").Connect("fork", "stop", "Stop"));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Empty(result.Bookmarks);
        Assert.Empty(await _engine.QueryAsync(db => db.Bookmarks));
        Assert.True((await _engine.Runtime.PublishEventAsync("never")).NoMatch);
    }

    [Fact]
    public async Task Fault_records_an_incident_and_stops()
    {
        var result = await RunAsync(new Flow("fault")
            .Activity("f", "Elsa.Fault", ("message", Literal("bad data")), ("code", Literal("E1")))
            .WriteLine("after", "after").Connect("f", "after"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Equal("bad data", Assert.Single(result.Incidents).Message);
        Assert.Empty(_engine.Output.Lines);
    }

    [Fact]
    public async Task Send_email_writes_an_outbox_row_and_dispatches_it_after_commit()
    {
        var result = await RunAsync(new Flow("mail")
            .Variable("Applicant", "String", "Li Wei")
            .Activity("m", "Elsa.SendEmail",
                ("to", Obj("[\"applicant@approvals.test\"]", "String[]")),
                ("subject", Liquid("Request of {{ Variables.Applicant }} received")),
                ("body", Literal("<p>Received.</p>"))));

        var row = Assert.Single(await _engine.QueryAsync(db => db.Outbox));
        Assert.Equal("email", row.Kind);
        Assert.Equal(result.InstanceId, row.WorkflowInstanceId);
        Assert.Equal("Request of Li Wei received", row.Body["subject"]!.GetValue<string>());
        Assert.Equal("applicant@approvals.test", row.Body["to"]![0]!.GetValue<string>());
        Assert.Contains(row.Id, _engine.Outbox.Dispatched);
    }
}
