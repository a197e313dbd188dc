using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

/// <summary>
/// A graph of activities. The root one is run by the executor itself; one placed inside a flowchart runs as a child instance
/// of itself (its own activities and connections) and completes when that has finished.
/// </summary>
[Activity("Elsa", "Flowchart", "Flow", DisplayName = "Flowchart",
    Description = "A graph of activities joined by connections between their ports.")]
public sealed class Flowchart : BodyContainer;
