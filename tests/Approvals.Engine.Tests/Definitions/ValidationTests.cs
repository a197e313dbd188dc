using Approvals.Engine.Models;
using Approvals.Engine.Serialization;
using Approvals.Engine.Tests.Support;
using Approvals.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Engine.Tests.Definitions;

public sealed class ValidationTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private WorkflowValidator Validator => _engine.Services.GetRequiredService<WorkflowValidator>();

    [Fact]
    public void The_elsa2_sample_converts_its_http_activities_and_its_endpoint_starts_the_workflow()
    {
        var document = DefinitionReader.Read(Samples.Read("v2-visual-document-approval-workflow.json")).Document!;

        Assert.DoesNotContain(Validator.Validate(document), p => !p.IsWarning);
        var activities = document.Root!["activities"]!.AsArray();
        var endpoint = activities.Single(a => a!["id"]!.GetValue<string>() == "9754c493-bc7a-4ee6-9129-becd637f9288")!;
        Assert.Equal("Elsa.HttpEndpoint", endpoint["type"]!.GetValue<string>());
        Assert.True(endpoint["customProperties"]!["canStartWorkflow"]!.GetValue<bool>());
        Assert.Equal("Elsa.WriteHttpResponse",
            activities.Single(a => a!["id"]!.GetValue<string>() == "fa423095-e3d8-4d53-9e2d-1355115999ea")!["type"]!.GetValue<string>());
    }

    [Fact]
    public void An_unknown_activity_type_is_named_with_its_id_and_path()
    {
        var document = new WorkflowDefinitionDocument(System.Text.Json.Nodes.JsonNode.Parse("""
            { "definitionId": "u", "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "a1",
              "type": "Acme.Teleport" } ], "connections": [] } }
            """)!.AsObject());

        var problem = Assert.Single(Validator.Validate(document));

        Assert.Equal("activity-type-unknown", problem.Code);
        Assert.Equal("a1", problem.ActivityId);
        Assert.Equal("root.activities[0].type", problem.Path);
        Assert.False(problem.IsWarning);
    }

    [Theory]
    [InlineData("v3-fork-decision-join-waitall.json")]
    [InlineData("v3-timer-workflow.json")]
    public void The_elsa3_samples_are_valid(string file)
    {
        var document = DefinitionReader.Read(Samples.Read(file)).Document!;
        Assert.Empty(Validator.Validate(document));
    }

    [Fact]
    public void One_call_reports_every_problem()
    {
        var json = new Flow("broken")
            .Activity("start", "Elsa.Start")
            .Activity("x1", "Acme.Unknown")
            .Activity("x2", "Acme.AlsoUnknown")
            .Activity("decide", "Elsa.FlowDecision", ("condition", Flow.Js("return (1 +;", "Boolean")))
            .Activity("mail", "Elsa.SendEmail", ("subject", Flow.Liquid("{% if %}")))
            .WriteLine("island", "never reached")
            .Connect("start", "x1")
            .Connect("x1", "x2")
            .Connect("start", "decide")
            .Connect("decide", "mail", port: "Maybe")
            .Connect("decide", "ghost", port: "True")
            .ToString();

        var problems = Validator.Validate(DefinitionReader.Read(json).Document!);
        var codes = problems.Select(p => p.Code).ToList();

        Assert.Equal(2, codes.Count(c => c == "activity-type-unknown"));
        Assert.Contains(problems, p => p.Code == "activity-type-unknown" && p.ActivityId == "x1" && p.Message.Contains("Acme.Unknown"));
        Assert.Contains(problems, p => p.Code == "activity-type-unknown" && p.ActivityId == "x2" && p.Message.Contains("Acme.AlsoUnknown"));
        Assert.Contains(problems, p => p.Code == "connection-port-unknown" && p.Message.Contains("'Maybe'")
            && p.Message.Contains("True, False"));
        Assert.Contains(problems, p => p.Code == "connection-target-missing" && p.Message.Contains("'ghost'")
            && p.Path == "root.connections[4].target");
        Assert.Contains(problems, p => p.Code == "input-required" && p.ActivityId == "mail" && p.Message.Contains("To"));
        Assert.Contains(problems, p => p.Code == "expression-invalid" && p.ActivityId == "decide" && p.Message.Contains("JavaScript"));
        Assert.Contains(problems, p => p.Code == "expression-invalid" && p.ActivityId == "mail" && p.Message.Contains("Liquid"));
        Assert.Contains(problems, p => p.Code == "activity-unreachable" && p.ActivityId == "island" && p.Path == "root.activities[5]");
    }

    [Fact]
    public void A_json_syntax_error_gives_line_and_column()
    {
        var text = "{\n  \"definitionId\": \"x\",\n  \"root\": { \"type\": \"Elsa.Flowchart\" \"activities\": [] }\n}";

        var read = DefinitionReader.Read(text);

        var problem = Assert.Single(read.Problems);
        Assert.Equal("json-syntax", problem.Code);
        Assert.Equal(3, problem.Line);
        Assert.Equal(38, problem.Column);
        Assert.Null(read.Document);
    }

    [Fact]
    public async Task An_invalid_definition_is_not_published_and_nothing_is_saved()
    {
        var json = new Flow("bad").Activity("x", "Acme.Unknown").ToString();

        var ex = await Assert.ThrowsAsync<Engine.Execution.InvalidDefinitionException>(() =>
            _engine.Definitions.ImportAsync(json, publish: true));

        Assert.Contains(ex.Problems, p => p.ActivityId == "x");
        Assert.Empty(await _engine.QueryAsync(db => db.Definitions));
    }
}
