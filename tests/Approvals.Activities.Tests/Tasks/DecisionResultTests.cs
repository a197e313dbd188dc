using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Approvals.Activities.Tests.Support.Definitions;

namespace Approvals.Activities.Tests.Tasks;

/// <summary>The task a decision answers with is the task as it was stored, without reading it back.</summary>
public sealed class DecisionResultTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Fact]
    public async Task The_decided_task_returned_equals_the_stored_row_to_the_tick()
    {
        _a.Directory.Add("approver", null, "outbound-division");
        _a.Directory.Add("director", null, "fao-director");
        await _a.Services.GetRequiredService<Engine.Definitions.WorkflowDefinitionStore>().ImportAsync(Of("two-reviews",
            [
                Activity("first", "Approvals.Review", ("assignee", Literal("approver"))),
                Activity("second", "Approvals.Review", ("assignee", Literal("director"))),
            ],
            [Connection("first", "second", "Approved")]), publish: true);
        var instance = await _a.Runtime.StartAsync("two-reviews");
        var task = Assert.Single(await _a.QueryAsync(db => db.Tasks.Where(t => t.WorkflowInstanceId == instance.InstanceId)));
        // A clock reading finer than a microsecond: what is answered must still be what was stored.
        _a.Clock.Advance(TimeSpan.FromTicks(1_234_567));

        var payload = new JsonObject { ["note"] = "一" };
        var result = await _a.Tasks.DecideAsync(task.Id, "approver", "Approved", "  同意，请按时出访 ", "op-1", payload);

        var stored = Assert.Single(await _a.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id)));
        Assert.Equal(HumanTaskStatus.Completed, result.Task.Status);
        Assert.Equal("同意，请按时出访", result.Task.Comment);
        Assert.Equal(0, result.Task.CompletedAt!.Value.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(JsonSerializer.Serialize(stored), JsonSerializer.Serialize(result.Task));
        Assert.False(result.Repeated);

        // The same operation again answers with the stored task, as the first answer did.
        var repeated = await _a.Tasks.DecideAsync(task.Id, "approver", "Approved", "  同意，请按时出访 ", "op-1", payload.DeepClone().AsObject());
        Assert.True(repeated.Repeated);
        Assert.Equal(JsonSerializer.Serialize(result.Task), JsonSerializer.Serialize(repeated.Task));
    }
}
