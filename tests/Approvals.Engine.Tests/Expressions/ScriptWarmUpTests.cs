using System.Text.Json.Nodes;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;
using Approvals.Engine.Options;

namespace Approvals.Engine.Tests.Expressions;

/// <summary>
/// The JavaScript engine's one-time warm-up: it runs outside the time limit (the first evaluation of a process compiles Jint
/// and could outlast it), and the limit still holds for every script evaluated afterwards.
/// </summary>
public sealed class ScriptWarmUpTests
{
    [Fact]
    public async Task The_warm_up_runs_without_the_time_limit_which_still_stops_every_script_after_it()
    {
        // A limit no real script can meet; statements are not limited, so only the clock can stop the loop below.
        var evaluator = new JavaScriptEvaluator(Microsoft.Extensions.Options.Options.Create(
            new ScriptingOptions { JavaScriptTimeout = TimeSpan.FromTicks(1), JavaScriptMaxStatements = int.MaxValue }));

        Assert.Equal("WARM-UPok", evaluator.RunWarmUp());
        evaluator.EnsureWarm();

        var loop = new WorkflowExpression(WorkflowExpression.JavaScript,
            JsonValue.Create("for (var i = 0; i < 1e8; i++) {} return 'done';"));
        var stopped = await Assert.ThrowsAsync<ExpressionFaultException>(async () =>
            await evaluator.EvaluateAsync(loop, typeof(object), new ScriptWarmUpContext()));
        Assert.Contains("ran longer than", stopped.Message);
    }

    [Fact]
    public async Task The_warm_up_script_reads_and_writes_only_its_own_context()
    {
        var evaluator = new JavaScriptEvaluator(Microsoft.Extensions.Options.Options.Create(new ScriptingOptions()));
        var context = new ScriptWarmUpContext();
        var script = new WorkflowExpression(WorkflowExpression.JavaScript, JsonValue.Create(ScriptWarmUpContext.Script));

        Assert.Equal("WARM-UPok", await evaluator.EvaluateAsync(script, typeof(string), context));
        var result = Assert.IsType<JsonObject>(context.Variables["Result"]);
        Assert.Equal(3, result["count"]!.GetValue<int>());
        Assert.Equal("[6,12,18]", result["text"]!.GetValue<string>());
    }
}
