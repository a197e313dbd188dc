using System.Text.Json.Serialization;

namespace Approvals.Activities.Forms;

/// <summary>
/// One field of a request form, as the request type's schema (data in the workflow definition) declares it.
/// Types: text, textarea, number, integer, date, datetime, boolean, select, checklist, country, countries, table, attachment.
/// </summary>
public sealed record FormField
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? Label { get; init; }
    public string? LabelEn { get; init; }
    public bool Required { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? MaxLength { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<FormOption>? Options { get; init; }

    /// <summary>The columns of a table field (delegation members, exchange history).</summary>
    public IReadOnlyList<FormField>? Columns { get; init; }

    /// <summary>Another date field this one may not precede (return date after departure date).</summary>
    public string? NotBefore { get; init; }

    /// <summary>Shown only (and required only) when another field has a value: <c>{"field": "isTaiwan", "equals": true}</c>.</summary>
    public FormCondition? When { get; init; }

    public string? Help { get; init; }
}

public sealed record FormOption(string Value, string? Label, string? LabelEn);

public sealed record FormCondition(string Field, [property: JsonPropertyName("equals")] System.Text.Json.Nodes.JsonNode? EqualTo);
