using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>The root container of every definition. Its activities and connections are run by the executor itself.</summary>
[Activity("Elsa", "Flowchart", "Flow", DisplayName = "Flowchart", Description = "A graph of activities joined by connections between their ports.", IsBrowsable = false)]
public sealed class Flowchart : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new NotSupportedException("A flowchart inside a flowchart is not supported; use one root flowchart.");
}
