using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Host.Components.Diagram;
using Bunit;

namespace Approvals.Host.Tests.Ui;

/// <summary>The instance diagram (bUnit): the finished path and the current stage are marked.</summary>
public sealed class WorkflowDiagramTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    private static WorkflowDefinitionDocument Workflow()
    {
        JsonObject Node(string id, int x) => new()
        {
            ["id"] = id, ["type"] = "Approvals.Review", ["name"] = id,
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = 0 } } },
        };
        JsonObject Edge(string from, string to, string port) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };
        return new WorkflowDefinitionDocument(new JsonObject
        {
            ["definitionId"] = "d",
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(Node("division", 0), Node("director", 300), Node("rejected", 600)),
                ["connections"] = new JsonArray(Edge("division", "director", "Approved"), Edge("division", "rejected", "Rejected"),
                    Edge("director", "rejected", "Rejected")),
            },
        });
    }

    [Fact]
    public void The_taken_path_and_the_current_stage_are_highlighted()
    {
        var executions = new List<ActivityExecutionRecord>
        {
            new() { Id = "1", WorkflowInstanceId = "i", ActivityId = "division", ActivityType = "Approvals.Review",
                Status = ActivityStatus.Completed, StartedAt = DateTimeOffset.UnixEpoch, Outcomes = ["Approved"] },
            new() { Id = "2", WorkflowInstanceId = "i", ActivityId = "director", ActivityType = "Approvals.Review",
                Status = ActivityStatus.Running, StartedAt = DateTimeOffset.UnixEpoch },
        };

        var cut = _ctx.Render<WorkflowDiagram>(p => p.Add(d => d.Document, Workflow()).Add(d => d.Executions, executions)
            .Add(d => d.Current, new HashSet<string> { "director" }));

        Assert.Contains("done", cut.Find("g[data-activity=division]").GetAttribute("class"));
        Assert.Contains("current", cut.Find("g[data-activity=director]").GetAttribute("class"));
        Assert.Contains("pending", cut.Find("g[data-activity=rejected]").GetAttribute("class"));
        var taken = cut.FindAll("path.taken");
        Assert.Single(taken);
        Assert.Equal("Approved", taken[0].TextContent);
        Assert.Equal(3, cut.FindAll("path.edge").Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
