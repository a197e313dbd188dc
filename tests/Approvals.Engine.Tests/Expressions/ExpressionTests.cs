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
            return [getInput('Unit'), getCity(), getCount(), getCorrelationId(), getWorkflowInstanceId().length > 0,
              variables.Count].join('|');
            """), new JsonObject { ["Unit"] = "Wujiang District FAO" }, flow);

        Assert.Equal(["Wujiang District FAO|Ostrava, Czech Republic|3|corr-9|true|2"], _engine.Output.Lines);
        var state = await _engine.Runtime.GetStateAsync(result.InstanceId);
        Assert.Equal(3, state!.Variables["Count"]!.GetValue<int>());
        Assert.Equal("Ostrava, Czech Republic", state.Variables["City"]!.GetValue<string>());
    }

    [Fact]
    public async Task Input_crosses_into_a_script_as_json_parse_would_make_it()
    {
        var input = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["rank"] = "bureau", ["size"] = 6, ["ratio"] = 0.5, ["vip"] = true, ["note"] = null,
                ["courtesies"] = new JsonArray("airport-vip", "police-escort"), ["__proto__"] = "a key, not a prototype",
                ["arrival"] = JsonValue.Create(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.FromHours(8))),
            },
        };
        await WriteAsync(Js("""
            const d = getInput('data');
            return [typeof d.size, d.size + 1, d.ratio * 2, d.vip === true, d.note === null, d.courtesies.includes('police-escort'),
                d.courtesies.length, Object.keys(d).includes('__proto__'), d.__proto__, Object.getPrototypeOf(d) === Object.prototype,
                d.arrival, input.data.rank, JSON.stringify(d.courtesies)].join('|');
            """), input);

        Assert.Equal(["number|7|1|true|true|true|2|true|a key, not a prototype|true|2027-03-20T10:00:00+08:00|bureau|" +
            "[\"airport-vip\",\"police-escort\"]"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Elsa_helpers_behave_as_their_javascript_definitions()
    {
        await WriteAsync(Js("""
            return [isNullOrEmpty(''), isNullOrEmpty(' '), isNullOrEmpty(null), isNullOrEmpty(undefined), isNullOrEmpty(0),
                isNullOrWhiteSpace(' \t\uFEFF\u3000'), isNullOrWhiteSpace('\u0085'), isNullOrWhiteSpace(null), isNullOrWhiteSpace(' x '),
                toJson({ a: [1, 'b'] }), jsonParse('{"n": 3}').n, stringFromBase64(stringToBase64('苏州 Suzhou')),
                newShortGuid().length, /^[0-9a-f-]{36}$/.test(newGuid()), parseGuid(12),
                Duration.FromMinutes(5), Duration.FromMilliseconds(1500), Duration.FromDays(2)].join('|');
            """));

        Assert.Equal(["true|false|true|true|false|true|false|true|false|{\"a\":[1,\"b\"]}|3|苏州 Suzhou|16|true|12|PT5M|PT1.5S|P2D"],
            _engine.Output.Lines);
    }

    [Fact]
    public async Task Globals_made_on_first_read_can_be_assigned_and_hold_the_value_the_script_began_with()
    {
        var flow = new Flow("js-globals").Variable("Stage", "String", "protocol");
        await WriteAsync(Js("""
            setStage('director');
            const before = [Stage, variables.Stage, getStage(), typeof input];
            input = 'replaced';
            Stage = 'local';
            return before.concat([input, Stage, getVariable('Stage')]).join('|');
            """), new JsonObject { ["Unit"] = "fao" }, flow);

        Assert.Equal(["protocol|protocol|director|object|replaced|local|director"], _engine.Output.Lines);
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
        await WriteAsync(Liquid("{{ Variables.Delegation.name }} ({{ Variables.Delegation.members }}) for {{ Input.Unit | upcase }}"),
            new JsonObject { ["Unit"] = "fao" }, flow);
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
