using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

[Activity("Elsa", "End", "Flow", DisplayName = "End", Description = "Ends the flowchart; other branches are cancelled.")]
[FlowNode]
public sealed class End : EndsWorkflow;
