using System.Reflection;

namespace Approvals.Engine.Descriptors;

public sealed record OutputDescriptor(string Name, string TypeName, string DisplayName, string? Description)
{
    public required PropertyInfo Property { get; init; }
    internal Func<object, object?> Getter { get; init; } = null!;
}
