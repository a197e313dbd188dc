using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

[Activity("Elsa", "Finish", "Primitives", DisplayName = "Finish", Description = "Finishes the workflow instance.")]
[FlowNode]
public sealed class Finish : EndsWorkflow;
