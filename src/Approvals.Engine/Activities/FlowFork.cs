using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>Continues along every branch at once.</summary>
[Activity("Elsa", "FlowFork", "Branching", DisplayName = "Fork", Description = "Continues along every named branch in parallel.")]
public sealed class FlowFork : Activity, IDynamicPorts
{
    [Input(Description = "The branch names; each becomes a port.", UIHint = UIHints.DynamicOutcomes)]
    public string[] Branches { get; set; } = [];

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(Branches.Length == 0 ? ["Done"] : Branches);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<string> GetPorts(ActivityNode node)
    {
        var raw = node.GetInput("branches")?.Expression.Value ?? node.GetProperty("branches");
        try
        {
            var branches = raw switch
            {
                null => [],
                System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => ValueConverter.Convert<string[]>(s) ?? [],
                _ => ValueConverter.Convert<string[]>(raw) ?? [],
            };
            return branches.Length == 0 ? ["Done"] : branches;
        }
        catch (Exception)
        {
            return ["Done"];
        }
    }
}
