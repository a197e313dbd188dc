using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

/// <summary>Runs the activity in its body (a flowchart, say) and continues when that has finished, however long it waits inside.</summary>
[Activity("Elsa", "FlowNode", "Flow", DisplayName = "Flow Node", Description = "Runs its body and continues when the body has finished.")]
public sealed class FlowNode : BodyContainer;
