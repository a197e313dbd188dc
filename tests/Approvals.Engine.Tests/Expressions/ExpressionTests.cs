using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Tests.Support;
using static Approvals.Engine.Tests.Support.Flow;

namespace Approvals.Engine.Tests.Expressions;

public sealed class ExpressionTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<Engine.Runtime.WorkflowRunResult> WriteAsync(JsonObject text, JsonObject? input = null, Flow? flow = null)
    {
        flow ??= new Flow("expr-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await _engine.PublishAsync(flow.Activity("w", "Elsa.WriteLine", ("text", text)).ToString());
        return await _engine.Runtime.StartAsync(id, new Engine.Runtime.StartWorkflowOptions { Input = input, CorrelationId = "corr-9" });
    }

    [Fact]
    public async Task JavaScript_sees_input_variables_and_instance_in_elsa_style()
    {
        var flow = new Flow("js-conventions").Variable("City", "String", "Ostrava").Variable("Count", "Int32", "2");
        var result = await WriteAsync(Js("""
            setCount(getCount() + 1);
            setVariable('City', getVariable('City') + ', Czech Republic');
            return [getInput('Unit'), getCity(), getCount(), getCorrelationId(), getWorkflowInstanceId().length > 0, variables.Count].join('|');
            """), new JsonObject { ["Unit"] = "Wujiang District FAO" }, flow);

        Assert.Equal(["Wujiang District FAO|Ostrava, Czech Republic|3|corr-9|true|2"], _engine.Output.Lines);
        var state = await _engine.Runtime.GetStateAsync(result.InstanceId);
        Assert.Equal(3, state!.Variables["Count"]!.GetValue<int>());
        Assert.Equal("Ostrava, Czech Republic", state.Variables["City"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expression_without_return_yields_its_value()
    {
        await WriteAsync(Js("'total: ' + (getInput('A') + getInput('B'))"), new JsonObject { ["A"] = 2, ["B"] = 3 });
        Assert.Equal(["total: 5"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Liquid_renders_variables_and_input()
    {
        var flow = new Flow("liquid").Variable("Delegation", "Object", "{\"name\":\"Nowy Sącz\",\"members\":6}");
        await WriteAsync(Liquid("{{ Variables.Delegation.name }} ({{ Variables.Delegation.members }}) for {{ Input.Unit | upcase }}"), new JsonObject { ["Unit"] = "fao" }, flow);
        Assert.Equal(["Nowy Sącz (6) for FAO"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Variable_and_object_expressions_read_values()
    {
        var flow = new Flow("var-obj").Variable("Title", "String", "Director")
            .Activity("fork", "Elsa.FlowFork", ("branches", Obj("[\"One\",\"Two\"]", "String[]")))
            .Activity("v", "Elsa.WriteLine", ("text", Expr("Variable", "Title", "String")))
            .Activity("o", "Elsa.WriteLine", ("text", Obj("\"from json\"", "String")))
            .Connect("fork", "v", "One").Connect("fork", "o", "Two");
        var id = await _engine.PublishAsync(flow.ToString());

        await _engine.Runtime.StartAsync(id);

        Assert.Equal(["Director", "from json"], _engine.Output.Lines);
    }

    [Fact]
    public async Task An_endless_loop_faults_the_activity_and_the_host_carries_on()
    {
        var looping = await WriteAsync(Js("while(true){}"));

        Assert.Equal(WorkflowSubStatus.Faulted, looping.SubStatus);
        Assert.Matches("was stopped", Assert.Single(looping.Incidents).Message);

        var next = await WriteAsync(Js("'still alive'"));
        Assert.Equal(WorkflowSubStatus.Finished, next.SubStatus);
        Assert.Equal(["still alive"], _engine.Output.Lines);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("this['importNamespace']('System.IO')")]
    [InlineData("getInput('X').GetType().Assembly")]
    [InlineData("var a = []; while (true) { a.push(new Array(100000).join('x')); }")]
    [InlineData("function f(n) { return f(n + 1); } f(0)")]
    public async Task Scripts_cannot_reach_the_clr_or_exhaust_the_host(string script)
    {
        var result = await WriteAsync(Js(script), new JsonObject { ["X"] = "text" });

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.StartsWith("Input 'Text': JavaScript", Assert.Single(result.Incidents).Message);
        Assert.Empty(_engine.Output.Lines);
    }

    [Fact]
    public async Task A_runtime_error_names_the_script_location()
    {
        var result = await WriteAsync(Js("var x = 1;\nnull.boom;"));

        var message = Assert.Single(result.Incidents).Message;
        Assert.Contains("JavaScript error", message);
        Assert.Contains("line 2", message);
    }
}
