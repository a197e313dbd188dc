using Approvals.Engine.Contracts;
using Approvals.Engine.Models;

namespace Approvals.Engine.Descriptors;

/// <summary>What the engine and the designer know of an activity type, generated from its class and attributes.</summary>
public sealed class ActivityDescriptor
{
    public required string TypeName { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public required ActivityKind Kind { get; init; }
    public required IReadOnlyList<string> Ports { get; init; }
    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }
    public required IReadOnlyList<OutputDescriptor> Outputs { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsContainer { get; init; }

    /// <summary>The activity runs the activity in its <c>body</c> (each run a child instance of the body).</summary>
    public bool RunsBody { get; init; }
    public bool IsStart { get; init; }
    public bool IsTerminal { get; init; }
    public required Type ClrType { get; init; }
    internal Func<Activity> Factory { get; init; } = null!;

    /// <summary>
    /// Ports of a node: the static ports, or those the activity derives from its configuration (switch cases, fork branches).
    /// </summary>
    public IReadOnlyList<string> PortsOf(ActivityNode node) =>
        Factory() is IDynamicPorts dynamic ? dynamic.GetPorts(node) : Ports;

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}
