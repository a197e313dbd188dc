using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Activities.Tests.Support.Definitions;

namespace Approvals.Activities.Tests.Tasks;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Fact]
    public async Task A_hundred_concurrent_votes_give_exactly_one_board_outcome()
    {
        for (var i = 1; i <= 100; i++) _a.Directory.Add($"m{i:D3}", null, "big-board");
        await _a.Services.GetRequiredService<Engine.Definitions.WorkflowDefinitionStore>().ImportAsync(Of("big-board",
            [Activity("board", "Approvals.ParallelReview", ("roles", Object("[\"big-board\"]")), ("mode", Literal("Majority"))),
            Activity("after", "Elsa.WriteLine", ("text", Literal("decided")))],
            [Connection("board", "after", "Approved"), Connection("board", "after", "Rejected")]), publish: true);
        var instance = await _a.Runtime.StartAsync("big-board",
            new Engine.Runtime.StartWorkflowOptions { Input = new JsonObject { ["requestId"] = "req-board" } });
        var tasks = await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == instance.InstanceId));
        Assert.Equal(100, tasks.Count);

        var outcomes = await Task.WhenAll(tasks.Select((t, i) => Task.Run(async () =>
        {
            try
            {
                await _a.Tasks.DecideAsync(t.Id, t.AssigneeId!, i % 3 == 0 ? "Rejected" : "Approved", i % 3 == 0 ? "不同意" : null, $"op-{i}");
                return "voted";
            }
            catch (TaskConflictException)
            {
                return "closed";
            }
        })));

        var decisions = (await _a.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "BoardDecision"))).ToList();
        Assert.Equal("Approved", Assert.Single(decisions).StatusAfter);
        var completions = await _a.EngineQueryAsync(db => db.Journal.Where(j => j.WorkflowInstanceId == instance.InstanceId
            && j.ActivityId == "board" && j.EventName == "Completed"));
        Assert.Single(completions);
        var final = await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == instance.InstanceId));
        var voted = final.Count(t => t.Status == HumanTaskStatus.Completed);
        Assert.Equal(outcomes.Count(o => o == "voted"), voted);
        Assert.Equal(100 - voted, final.Count(t => t.Status == HumanTaskStatus.Cancelled));
        Assert.Equal(51, final.Count(t => t.Outcome == "Approved"));
        Assert.Empty(await _a.EngineQueryAsync(db => db.Bookmarks.Where(b => b.WorkflowInstanceId == instance.InstanceId)));
    }

    [Fact]
    public async Task Document_numbers_under_two_hundred_concurrent_approvals_are_gapless_and_unique()
    {
        _a.Directory.Add("approver", null, "outbound-division");
        await _a.Services.GetRequiredService<Engine.Definitions.WorkflowDefinitionStore>().ImportAsync(Of("numbered",
            [Activity("issue", "Approvals.Review", ("assignee", Literal("approver"))), Activity("number", "Approvals.AssignDocumentNumber",
            ("prefix", Literal("苏外出")))],
            [Connection("issue", "number", "Approved")]), publish: true);
        var tasks = new List<HumanTask>();
        for (var i = 0; i < 200; i++)
        {
            var run = await _a.Runtime.StartAsync("numbered",
                new Engine.Runtime.StartWorkflowOptions { Input = new JsonObject { ["requestId"] = $"req-{i:D3}" } });
            tasks.Add((await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == run.InstanceId))).Single());
        }

        await Task.WhenAll(tasks.Select((t, i) => Task.Run(() => _a.Tasks.DecideAsync(t.Id, "approver", "Approved", null, $"op-{i}"))));

        var numbers = await _a.QueryAsync(db => db.DocumentNumbers.Where(n => n.Prefix == "苏外出" && n.Year == 2026));
        Assert.Equal(Enumerable.Range(1, 200), numbers.Select(n => n.Number).Order());
        Assert.Equal(200, numbers.Select(n => n.RequestId).Distinct().Count());
        Assert.Equal("苏外出〔2026〕200号", numbers.Single(n => n.Number == 200).Text);
        Assert.Equal(200, (await _a.QueryAsync(db => db.NumberSequences.Where(s => s.Key == "苏外出"))).Single().Last);
    }
}
