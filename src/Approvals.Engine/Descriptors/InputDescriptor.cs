using System.Reflection;

namespace Approvals.Engine.Descriptors;

/// <summary>An input of an activity type, generated from its <see cref="InputAttribute"/>.</summary>
public sealed record InputDescriptor(
    string Name,
    string TypeName,
    string DisplayName,
    string? Description,
    string UIHint,
    string? Category,
    int Order,
    string DefaultSyntax,
    object? DefaultValue,
    IReadOnlyList<string>? Options,
    bool Required,
    bool IsWrapped,
    bool IsSensitive)
{
    /// <summary>The CLR property the engine assigns the evaluated value to.</summary>
    public required PropertyInfo Property { get; init; }
    internal Action<object, object?> Setter { get; init; } = null!;
}
