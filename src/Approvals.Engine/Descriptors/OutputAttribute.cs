namespace Approvals.Engine.Descriptors;

/// <summary>Marks a property as an output the activity sets; it is recorded and visible to later activities.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}
