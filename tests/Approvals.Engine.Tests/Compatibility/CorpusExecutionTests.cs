using Approvals.Engine.Models;
using Approvals.Engine.Runtime;
using Approvals.Engine.Tests.Support;
using Approvals.Testing;

namespace Approvals.Engine.Tests.Compatibility;

/// <summary>Files of the Elsa corpus, run here, with the outcome elsa-core's own tests state for them.</summary>
public sealed class CorpusExecutionTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<string> PublishAsync(params string[] files)
    {
        var last = "";
        foreach (var file in files) last = await _engine.PublishAsync(ElsaCorpus.Read(file));
        return last;
    }

    private async Task<WorkflowState> RunAsync(string definitionId)
    {
        var run = await _engine.Runtime.StartAsync(definitionId);
        return (await _engine.Runtime.GetStateAsync(run.InstanceId))!;
    }

    [Theory]
    [InlineData("fork-decision-join-none.json", new[] { "A", "C" })]
    [InlineData("fork-decision-join-converge.json", new[] { "A" })]
    [InlineData("fork-decision-join-converge-strict.json", new[] { "A" })]
    [InlineData("fork-decision-join-waitall.json", new[] { "A", "C", "B", "D" })]
    public async Task Joins_behave_as_elsas_fork_decision_join_tests_say(string file, string[] lines)
    {
        await RunAsync(await PublishAsync(file));

        Assert.Equal(lines, _engine.Output.Lines);
    }

    [Fact]
    public async Task An_implicit_join_of_both_decision_outcomes_finishes_the_workflow()
    {
        var state = await RunAsync(await PublishAsync("decision-merge-join-none.json"));

        Assert.Equal(WorkflowStatus.Finished, state.Status);
    }

    [Fact]
    public async Task Execute_workflow_with_a_sequence_root_captures_the_childs_output()
    {
        var state = await RunAsync(await PublishAsync("ExecuteWorkflow-Workflows-child-with-output.json",
            "ExecuteWorkflow-Workflows-parent-capture-output.json"));

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Contains("Child output: 42", _engine.Output.Lines);
        Assert.Contains("Parent received: 42", _engine.Output.Lines);
    }

    [Fact]
    public async Task Execute_workflow_waits_for_the_child_and_passes_input()
    {
        var waited = await RunAsync(await PublishAsync("ExecuteWorkflow-Workflows-child-workflow.json",
            "ExecuteWorkflow-Workflows-parent-with-wait.json"));
        Assert.Equal(WorkflowSubStatus.Finished, waited.SubStatus);
        Assert.Equal(["Parent: Before child", "Child: Executing", "Parent: After child"], _engine.Output.Lines);

        await RunAsync(await PublishAsync("ExecuteWorkflow-Workflows-child-with-input.json",
            "ExecuteWorkflow-Workflows-parent-with-input.json"));
        Assert.Contains("Child received: Hello from parent", _engine.Output.Lines);
    }

    [Fact]
    public async Task Execute_workflow_without_waiting_finishes_and_the_child_runs_with_the_parents_correlation()
    {
        var parent = await RunAsync(await PublishAsync("ExecuteWorkflow-Workflows-child-workflow.json",
            "ExecuteWorkflow-Workflows-parent-no-wait.json"));
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Contains("Parent: After child", _engine.Output.Lines);
        Assert.Contains("Child: Executing", _engine.Output.Lines);

        var correlated = await RunAsync(await PublishAsync("ExecuteWorkflow-Workflows-parent-with-correlation.json"));
        var child = Assert.Single(await _engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == "child-workflow"
            && i.CorrelationId == "test-correlation-123")));
        Assert.Equal(WorkflowStatus.Finished, correlated.Status);
        Assert.Equal(WorkflowStatus.Finished, child.Status);
    }

    [Theory]
    [InlineData("parent-with-output", "Received from child: Child output value",
        new[] { "WorkflowDefinitionActivities-Workflows-child-with-output.json" })]
    [InlineData("parent-with-outcomes", "Success path taken", new[] { "WorkflowDefinitionActivities-Workflows-child-with-outcomes.json" })]
    [InlineData("parent-version-fallback", "Published version executed",
        new[] { "WorkflowDefinitionActivities-Workflows-child-published-version.json" })]
    public async Task Workflows_used_as_activities_run_as_elsas_tests_say(string parent, string line, string[] children)
    {
        await PublishAsync([.. children, $"WorkflowDefinitionActivities-Workflows-{parent}.json"]);

        var state = await RunAsync(parent);

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Contains(line, _engine.Output.Lines);
    }

    [Fact]
    public async Task A_child_workflows_outputs_reach_the_parents_variables()
    {
        var calculator = await PublishAsync("ParentChildOutputMapping-Workflows-sum.json",
            "ParentChildOutputMapping-Workflows-calculator.json");

        await RunAsync(calculator);

        Assert.Equal(["Result: 9"], _engine.Output.Lines);
    }

    [Fact]
    public async Task A_flow_node_body_blocks_the_workflow_until_its_event_and_parallel_for_each_runs_every_item()
    {
        var blocked = await RunAsync(await PublishAsync("FlowchartCompletion-Workflows-workflow5.json"));
        Assert.Equal(WorkflowStatus.Running, blocked.Status);
        await _engine.Runtime.PublishEventAsync("Event4");
        Assert.Equal(WorkflowStatus.Finished, (await _engine.Runtime.GetStateAsync(blocked.Id))!.Status);

        var looped = await RunAsync(await PublishAsync("FlowchartCompletion-Workflows-workflow6.json"));
        Assert.Equal(WorkflowStatus.Finished, looped.Status);
        Assert.Equal(["Current fruit: Apple", "Current fruit: Banana", "Current fruit: Cherry"],
            _engine.Output.Lines.Where(l => l.StartsWith("Current")).Order());
        Assert.Equal("End", _engine.Output.Lines[^1]);
    }

    [Fact]
    public async Task The_flowchart_completion_scenarios_finish()
    {
        foreach (var file in new[] { "workflow1.json", "workflow2.json", "workflow3.json", "workflow4.json" })
        {
            var state = await RunAsync(await PublishAsync($"FlowchartCompletion-Workflows-{file}"));
            // Delays inside come due on the clock; the sweep resumes them.
            for (var i = 0; i < 10 && state.Status != WorkflowStatus.Finished; i++)
            {
                _engine.Clock.Advance(TimeSpan.FromMinutes(5));
                await _engine.Runtime.ResumeDueTimersAsync();
                state = (await _engine.Runtime.GetStateAsync(state.Id))!;
            }
            Assert.True(state.Status == WorkflowStatus.Finished, $"{file} is {state.Status}/{state.SubStatus}");
        }
    }

    [Fact]
    public async Task A_cron_trigger_starts_the_workflow_once_per_occurrence()
    {
        var definitionId = await PublishAsync("ImportAndPublish-Workflows-cron-every-hour.json");
        Assert.Equal(0, await _engine.Runtime.StartDueTriggersAsync());

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await _engine.Runtime.StartDueTriggersAsync());
        Assert.Equal(0, await _engine.Runtime.StartDueTriggersAsync());
        // A second host sweeping the same occurrence starts nothing more.
        Assert.Equal(0, await _engine.CreatePeerRuntime().StartDueTriggersAsync());

        _engine.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await _engine.Runtime.StartDueTriggersAsync());
        var instances = await _engine.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == definitionId));
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal(["Hello every hour", "Hello every hour"], _engine.Output.Lines);
    }

    [Fact]
    public async Task A_timer_trigger_starts_the_workflow_every_interval_after_publishing()
    {
        await PublishAsync("ImportAndPublish-Workflows-timer-workflow.json");

        _engine.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await _engine.Runtime.StartDueTriggersAsync());
        _engine.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _engine.Runtime.StartDueTriggersAsync());
        Assert.Equal(["Hello from timer"], _engine.Output.Lines);
    }
}
