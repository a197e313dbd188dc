namespace Approvals.Engine.Descriptors;

/// <summary>Marks a property of an activity as an input the designer shows and the engine evaluates.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public string? UIHint { get; init; }
    public string? Category { get; init; }
    public int Order { get; init; }
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>A default shown in the designer and used when the definition leaves the input out.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Choices for a dropdown, radio list or check list.</summary>
    public string[]? Options { get; init; }

    public bool Required { get; init; }

    /// <summary>
    /// Whether the definition stores the input wrapped as <c>{typeName, expression}</c> (Elsa's default) or as plain JSON.
    /// </summary>
    public bool IsWrapped { get; init; } = true;

    public bool IsSensitive { get; init; }
}
