using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Faults the workflow on purpose: an incident is recorded and the instance waits for a retry.</summary>
[Activity("Elsa", "Fault", "Primitives", DisplayName = "Fault", Description = "Faults the workflow with a message.")]
public sealed class Fault : Activity
{
    [Input(Description = "A code for the fault.")] public string? Code { get; set; }
    [Input(Description = "A category for the fault.")] public string? Category { get; set; }
    [Input(Description = "What went wrong.", Required = true)] public string? Message { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new FaultException(Code ?? "", Category ?? "", string.IsNullOrWhiteSpace(Message) ? "The workflow faulted." : Message);
}
