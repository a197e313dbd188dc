using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Serialization;
using Approvals.Engine.Tests.Support;
using Approvals.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Compatibility;

/// <summary>Elsa's standard activities and script functions beyond the corpus scenarios, on flows built here.</summary>
public sealed class ElsaActivityTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<WorkflowState> RunAsync(Flow flow, JsonObject? input = null)
    {
        var id = await _engine.PublishAsync(flow.ToString());
        var run = await _engine.Runtime.StartAsync(id, new Engine.Runtime.StartWorkflowOptions { Input = input });
        return (await _engine.Runtime.GetStateAsync(run.InstanceId))!;
    }

    [Fact]
    public async Task An_event_trigger_starts_the_workflow_once_per_published_event()
    {
        var id = await _engine.PublishAsync(new Flow("on-visit")
            .Activity("visit", "Elsa.Event", ("eventName", Literal("DelegationArrived")))
            .Activity("say", "Elsa.WriteLine", ("text", Js("return 'Welcome ' + getResultFromVisit().name;", "String")))
            .CanStart("visit").Connect("visit", "say").ToString());
        var publisher = await _engine.PublishAsync(new Flow("announce")
            .Activity("publish", "Elsa.PublishEvent", ("eventName", Literal("DelegationArrived")),
                ("payload", Obj("{\"name\": \"Lyon\"}"))).ToString());

        await _engine.Runtime.StartAsync(publisher);
        // The sweep finds the event row already delivered: nothing starts twice.
        await _engine.Runtime.DeliverPendingEventsAsync();

        Assert.Equal(["Welcome Lyon"], _engine.Output.Lines);
        Assert.Single(await _engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == id)));
    }

    [Fact]
    public async Task Script_functions_and_generated_accessors_work_as_in_elsa()
    {
        var state = await RunAsync(new Flow("functions").Inputs("Visitor")
            .Activity("js", "Elsa.RunJavaScript", ("script", Literal(
                "setCorrelationId('visit-' + getVisitor()); " +
                "return { definition: getWorkflowDefinitionId(), empty: isNullOrEmpty(''), json: toJson({a: 1}), " +
                "guid: newGuid().length, round: stringFromBase64(stringToBase64('北京')) };")))
            .Activity("after", "Elsa.WriteLine", ("text", Js("return getLastResult().round + ' ' + getResultFromJs().json;", "String")))
            .Connect("js", "after"), new JsonObject { ["Visitor"] = "Lyon" });

        var result = state.ActivityOutputs["js"]["Result"]!;
        Assert.Equal("functions", result["definition"]!.GetValue<string>());
        Assert.True(result["empty"]!.GetValue<bool>());
        Assert.Equal(36, result["guid"]!.GetValue<double>());
        Assert.Equal("visit-Lyon", state.CorrelationId);
        Assert.Equal(["北京 {\"a\":1}"], _engine.Output.Lines);
    }

    [Fact]
    public void Validation_names_a_script_call_to_a_function_that_does_not_exist()
    {
        var document = DefinitionReader.Read(new Flow("typo").Variable("Count", "Int32", "1")
            .Activity("a", "Elsa.WriteLine", ("text", Js("return getCount() + getCuont();", "String"))).ToString()).Document!;

        var problem = Assert.Single(_engine.Services.GetRequiredService<WorkflowValidator>().Validate(document));

        Assert.Equal("expression-function-unknown", problem.Code);
        Assert.Contains("getCuont()", problem.Message);
        Assert.Equal("root.activities[0].text", problem.Path);
    }

    [Fact]
    public void An_elsa1_export_is_named_as_such()
    {
        var read = DefinitionReader.Read("""
            { "id": "1", "name": "Old", "activities": [ { "id": "a", "type": "WriteLine", "left": 10, "top": 10, "state": {
              "textExpression": { "expression": "Hi", "syntax": "Literal" } } } ],
              "connections": [ { "source": { "activityId": "a", "outcome": "Done" }, "destination": { "activityId": "a" } } ] }
            """);

        Assert.Null(read.Document);
        Assert.Equal("elsa1", Assert.Single(read.Problems).Code);
        Assert.Contains("Elsa 1 export", read.Problems[0].Message);
    }

    [Fact]
    public async Task Set_name_correlate_and_complete_with_outcomes_at_the_root()
    {
        var state = await RunAsync(new Flow("naming")
            .Activity("name", "Elsa.SetName", ("value", Literal("Visit of Lyon")))
            .Activity("correlate", "Elsa.Correlate", ("correlationId", Literal("lyon-2026")))
            .Activity("done", "Elsa.Complete", ("outcomes", Obj("[\"Approved\"]")))
            .WriteLine("never", "never")
            .Connect("name", "correlate").Connect("correlate", "done").Connect("done", "never"));

        Assert.Equal(("Visit of Lyon", "lyon-2026"), (state.Name, state.CorrelationId));
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal(["Approved"], state.FinishOutcomes);
        Assert.Empty(_engine.Output.Lines);
    }

    [Fact]
    public async Task Dispatch_workflow_without_waiting_continues_at_once_and_with_waiting_receives_the_output()
    {
        await _engine.PublishAsync(new Flow("child").Outputs("Answer")
            .Activity("out", "Elsa.SetOutput", ("outputName", Literal("Answer")), ("outputValue", Js("return getInput('Question') + '!';")))
                .ToString());

        var state = await RunAsync(new Flow("dispatcher").Variable("Reply", "Object", null)
            .Activity("fire", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Literal("child")),
                ("input", Obj("{\"Question\": \"first\"}")))
            .Activity("wait", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Literal("child")),
                ("input", Obj("{\"Question\": \"second\"}")),
                ("waitForCompletion", Literal("true", "Boolean")),
                ("result", new JsonObject { ["memoryReference"] = new JsonObject { ["id"] = "ReplyId" } }))
            .Activity("say", "Elsa.WriteLine", ("text", Js("return getReply().output.Answer;", "String")))
            .Connect("fire", "wait").Connect("wait", "say"));

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(["second!"], _engine.Output.Lines);
        Assert.NotNull(state.ActivityOutputs["fire"]["ChildWorkflowInstanceId"]);
        Assert.Equal(2, (await _engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == "child"
            && i.Status == WorkflowStatus.Finished))).Count);
    }

    [Fact]
    public async Task Cancelling_a_parent_cancels_the_child_it_waits_for()
    {
        await _engine.PublishAsync(new Flow("slow-child").Activity("wait", "Elsa.Event", ("eventName", Literal("never"))).ToString());
        await _engine.PublishAsync(new Flow("Slow Child Activity").UsableAsActivity().Activity("wait", "Elsa.Event",
            ("eventName", Literal("never"))).ToString());
        var parent = await RunAsync(new Flow("waiting-parent")
            .Activity("run", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Literal("slow-child")),
                ("waitForCompletion", Literal("true", "Boolean")))
            .Activity("use", "SlowChildActivity")
            .Activity("start", "Elsa.Start").Connect("start", "run").Connect("start", "use"));
        Assert.Equal(WorkflowSubStatus.Suspended, parent.SubStatus);
        Assert.Equal(2, (await _engine.QueryAsync(db => db.Instances.Where(i => i.Status == WorkflowStatus.Running
            && i.Id != parent.Id))).Count);

        await _engine.Runtime.CancelAsync(parent.Id);

        var children = await _engine.QueryAsync(db => db.Instances.Where(i => i.Id != parent.Id));
        Assert.All(children, c => Assert.Equal(WorkflowSubStatus.Cancelled, c.SubStatus));
    }

    [Fact]
    public async Task A_sequence_root_and_a_single_activity_root_run()
    {
        var sequence = new Flow("sequence").WriteLine("a", "first").WriteLine("b", "second").ToJson();
        sequence["root"]!["type"] = "Elsa.Sequence";
        sequence["root"]!.AsObject().Remove("connections");
        var single = new JsonObject { ["definitionId"] = "single", ["root"] = new Flow("x").WriteLine("only", "alone")
            .ToJson()["root"]!["activities"]![0]!.DeepClone() };

        await _engine.Runtime.StartAsync(await _engine.PublishAsync(sequence.ToJsonString()));
        await _engine.Runtime.StartAsync(await _engine.PublishAsync(single.ToJsonString()));

        Assert.Equal(["first", "second", "alone"], _engine.Output.Lines);
    }

    [Fact]
    public async Task A_sequence_and_a_flowchart_inside_a_flowchart_run_as_containers()
    {
        var sequence = new Flow("inner-seq").WriteLine("s1", "seq one").WriteLine("s2", "seq two").ToJson()["root"]!.AsObject();
        sequence["id"] = "seq";
        sequence["type"] = "Elsa.Sequence";
        sequence.Remove("connections");
        var chart = new Flow("inner-chart").WriteLine("c1", "chart one").Activity("wait", "Elsa.Event", ("eventName", Literal("go")))
            .Connect("c1", "wait").ToJson()["root"]!.AsObject();
        chart["id"] = "chart";
        var flow = new Flow("outer").WriteLine("first", "outer first").WriteLine("last", "outer last").ToJson();
        var activities = flow["root"]!["activities"]!.AsArray();
        activities.Add(sequence.DeepClone());
        activities.Add(chart.DeepClone());
        flow["root"]!["connections"] = new JsonArray(
            new JsonObject { ["source"] = new JsonObject { ["activity"] = "first", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "seq", ["port"] = "In" } },
            new JsonObject { ["source"] = new JsonObject { ["activity"] = "seq", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "chart", ["port"] = "In" } },
            new JsonObject { ["source"] = new JsonObject { ["activity"] = "chart", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "last", ["port"] = "In" } });
        var id = await _engine.PublishAsync(flow.ToJsonString());

        var run = await _engine.Runtime.StartAsync(id);
        Assert.Equal(["outer first", "seq one", "seq two", "chart one"], _engine.Output.Lines);
        await _engine.Runtime.PublishEventAsync("go");

        Assert.Equal(["outer first", "seq one", "seq two", "chart one", "outer last"], _engine.Output.Lines);
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Runtime.GetStateAsync(run.InstanceId))!.Status);
    }

    [Fact]
    public async Task A_for_each_body_runs_once_per_item_in_order()
    {
        var body = new Flow("body").Activity("say", "Elsa.WriteLine",
            ("text", Js("return getCurrentIndex() + ':' + getCurrentValue();", "String"))).ToJson()["root"]!;
        await RunAsync(new Flow("loop").Activity("each", "Elsa.ForEach", ("items", Js("return ['a', 'b', 'c'];")),
            ("body", body.DeepClone()))
            .WriteLine("end", "end").Connect("each", "end"));

        Assert.Equal(["0:a", "1:b", "2:c", "end"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Elsa2_clear_timer_state_and_set_context_id_convert_and_run()
    {
        var v2 = JsonNode.Parse("""
            { "definitionId": "v2-state", "name": "State", "version": 1, "variables": { "data": {} },
              "activities": [
                { "activityId": "t", "type": "Timer", "properties": [ { "name": "Timeout", "expressions": { "Literal": "00:10:00" } } ] },
                { "activityId": "s", "type": "State", "properties": [ { "name": "StateName", "expressions": { "Literal": "Waiting" } } ] },
                { "activityId": "c", "type": "SetContextId", "properties": [ { "name": "ContextId", "expressions": {
                  "Literal": "ctx-7" } } ] },
                { "activityId": "x", "type": "ClearTimer", "properties": [ { "name": "ActivityId", "expressions": { "Literal": "t" } } ] },
                { "activityId": "f", "type": "Fork", "properties": [ { "name": "Branches", "expressions": {
                  "Json": "[\"A\",\"B\"]" } } ] } ],
              "connections": [
                { "sourceActivityId": "f", "targetActivityId": "t", "outcome": "A" },
                { "sourceActivityId": "f", "targetActivityId": "s", "outcome": "B" },
                { "sourceActivityId": "s", "targetActivityId": "c", "outcome": "Done" },
                { "sourceActivityId": "c", "targetActivityId": "x", "outcome": "Done" } ] }
            """)!.ToJsonString();
        var read = DefinitionReader.Read(v2);
        Assert.True(read.WasElsa2);
        var types = read.Document!.Root!["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["Elsa.Timer", "Elsa.SetVariable", "Elsa.Correlate", "Elsa.ClearTimer", "Elsa.FlowFork"], types);

        var run = await _engine.Runtime.StartAsync(await _engine.PublishAsync(v2));
        var state = (await _engine.Runtime.GetStateAsync(run.InstanceId))!;

        Assert.Equal("Waiting", state.Variables["CurrentState"]!.GetValue<string>());
        Assert.Equal("ctx-7", state.CorrelationId);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
    }
}
