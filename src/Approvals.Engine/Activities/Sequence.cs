using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

/// <summary>
/// Runs its activities one after another; inside a flowchart it runs as a child instance of itself and completes after the last.
/// </summary>
[Activity("Elsa", "Sequence", "Flow", DisplayName = "Sequence", Description = "Runs its activities one after another.")]
public sealed class Sequence : BodyContainer;
