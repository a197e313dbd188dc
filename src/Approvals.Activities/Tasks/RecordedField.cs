using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approvals.Activities.Tasks;

/// <summary>
/// A fact a stage records with a decision (a document number, a signing date, a trip report), with its type. In a
/// definition a field is written <c>name</c> or <c>name:type</c>; without a type, a name ending in "date" is a date,
/// <c>documentNumber</c> a document number, anything else text.
/// </summary>
public sealed record RecordedField(string Name, string Type)
{
    public const string Text = "text";
    public const string Date = "date";
    public const string Number = "number";
    public const string DocumentNumber = "document-number";
    public const int MaxTextLength = 4000;

    public static readonly IReadOnlySet<string> Types = new HashSet<string> { Text, Date, Number, DocumentNumber };

    public static RecordedField Parse(string spec)
    {
        var at = spec.IndexOf(':');
        var name = (at < 0 ? spec : spec[..at]).Trim();
        var type = at < 0 ? null : spec[(at + 1)..].Trim().ToLowerInvariant();
        return new RecordedField(name, type ?? (name.EndsWith("date", StringComparison.OrdinalIgnoreCase) ? Date
            : name.Equals("documentNumber", StringComparison.OrdinalIgnoreCase) ? DocumentNumber : Text));
    }

    /// <summary>Why <paramref name="value"/> is not acceptable for this field, or null when it is.</summary>
    public string? Problem(JsonNode? value)
    {
        if (value is null) return null;
        if (Type == Number)
            return value is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? null : "must be a number";
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            return Type == Date ? "must be a date (yyyy-MM-dd)" : "must be text";
        var text = v.GetValue<string>();
        return Type switch
        {
            Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.Year is < 1950 or > 2100 ? "must be a date between 1950 and 2100" : null
                : "must be a date (yyyy-MM-dd)",
            DocumentNumber => text.Trim().Length is 0 or > 100 || !text.Any(char.IsDigit)
                ? "must be a document number such as 苏外〔2026〕12号" : null,
            _ => text.Length > MaxTextLength ? $"must be at most {MaxTextLength} characters" : null,
        };
    }
}
