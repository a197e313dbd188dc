using Approvals.Engine.Descriptors;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>An input of one node, bound to its expression once per definition version.</summary>
internal sealed record PreparedInput(InputDescriptor Descriptor, InputBinding? Binding, System.Text.Json.Nodes.JsonNode? RawValue)
{
    /// <summary>Set when the value is a literal of an immutable type, so no evaluation is needed at run time.</summary>
    public bool IsConstant { get; init; }
    public object? Constant { get; init; }
}
