namespace Approvals.Engine.Descriptors;

/// <summary>Declares an activity type: its Elsa type name is <c>{Namespace}.{Name}</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string name, string category) : Attribute
{
    public string Namespace { get; } = @namespace;
    public string Name { get; } = name;
    public string Category { get; } = category;
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
    public int Version { get; init; } = 1;

    /// <summary>Hidden from the designer's palette (e.g. the flowchart container itself).</summary>
    public bool IsBrowsable { get; init; } = true;
}
