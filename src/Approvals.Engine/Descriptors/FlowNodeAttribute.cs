namespace Approvals.Engine.Descriptors;

/// <summary>The outbound ports (outcomes) an activity may complete with. Without it an activity has one port, <c>Done</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] ports) : Attribute
{
    public IReadOnlyList<string> Ports { get; } = ports;
}
