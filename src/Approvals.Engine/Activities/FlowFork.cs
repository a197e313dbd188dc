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

    public IReadOnlyList<string> GetPorts(ActivityNode node) =>
        ValueConverter.ConstantArray<string>(node, "branches") is { Length: > 0 } branches ? branches : ["Done"];
}
