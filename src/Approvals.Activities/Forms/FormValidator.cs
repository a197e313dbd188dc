using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approvals.Activities.Forms;

/// <summary>Checks form data against a schema and returns every error, each at its field's path.</summary>
public static class FormValidator
{
    /// <summary>The longest text a field takes when its schema names no limit (a few pages).</summary>
    public const int DefaultMaxLength = 20_000;

    /// <summary>
    /// Why a string is not text people typed: a control character (other than tab and line breaks) or half of a
    /// surrogate pair, which no font shows and no database or mail stores as written. Null when it is text.
    /// </summary>
    public static string? NotText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"contains a broken character (an unpaired surrogate U+{(int)c:X4} at position {i + 1})";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"contains a control character (U+{(int)c:X4} at position {i + 1})";
        }
        return null;
    }

    public static IReadOnlyList<FormError> Validate(FormSchema schema, JsonObject data)
    {
        // Strings that are not text are named first: reading them for any other check would fail.
        if (JsonText.Problems(data) is { Count: > 0 } unreadable) return unreadable;
        var errors = new List<FormError>();
        ValidateFields(schema.Fields, data, "", errors);
        foreach (var key in data.Select(p => p.Key))
            if (!schema.Fields.Any(f => f.Name == key))
                errors.Add(new FormError(key, "is not a field of this form"));
        return errors;
    }

    private static void ValidateFields(IReadOnlyList<FormField> fields, JsonObject data, string prefix, List<FormError> errors)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (field.When is { } when && !JsonNode.DeepEquals(data[when.Field], when.EqualTo)) continue;
            var value = data[field.Name];
            if (IsEmpty(value))
            {
                if (field.Required) errors.Add(new FormError(path, "is required"));
                continue;
            }
            ValidateValue(field, value!, data, path, errors);
        }
    }

    private static void ValidateValue(FormField field, JsonNode value, JsonObject data, string path, List<FormError> errors)
    {
        switch (field.Type)
        {
            case "text" or "textarea" or "attachment":
                if (!TryString(value, out var text)) { errors.Add(new FormError(path, "must be text")); return; }
                if (NotText(text) is { } unreadable) { errors.Add(new FormError(path, unreadable)); return; }
                var max = field.MaxLength ?? DefaultMaxLength;
                if (text.Length > max) errors.Add(new FormError(path, $"must be at most {max} characters"));
                if (field.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                    errors.Add(new FormError(path, "has the wrong format"));
                break;
            case "number" or "integer":
                if (!TryNumber(value, out var number)) { errors.Add(new FormError(path, "must be a number")); return; }
                if (field.Type == "integer" && number != Math.Floor(number)) errors.Add(new FormError(path, "must be a whole number"));
                if (field.Min is { } min && number < min)
                    errors.Add(new FormError(path, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}"));
                if (field.Max is { } mx && number > mx)
                    errors.Add(new FormError(path, $"must be at most {mx.ToString(CultureInfo.InvariantCulture)}"));
                break;
            case "date":
                if (!TryString(value, out var d) || !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
                {
                    errors.Add(new FormError(path, "must be a date (yyyy-MM-dd)"));
                    return;
                }
                if (field.NotBefore is { } other && TryString(data[other], out var o) && DateOnly.TryParseExact(o, "yyyy-MM-dd",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var otherDate) && date < otherDate)
                    errors.Add(new FormError(path, $"must not be before {other}"));
                break;
            case "datetime":
                if (!TryString(value, out var dt) || !DateTimeOffset.TryParse(dt, CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var moment))
                {
                    errors.Add(new FormError(path, "must be a date and time"));
                    return;
                }
                if (field.NotBefore is { } before && TryString(data[before], out var b) && DateTimeOffset.TryParse(b,
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var beforeMoment) && moment < beforeMoment)
                    errors.Add(new FormError(path, $"must not be before {before}"));
                break;
            case "boolean":
                if (value is not JsonValue bv || !bv.TryGetValue<bool>(out _)) errors.Add(new FormError(path, "must be true or false"));
                break;
            case "select" or "country":
                if (!TryString(value, out var choice)) { errors.Add(new FormError(path, "must be one choice")); return; }
                if (!IsAllowed(field, choice)) errors.Add(new FormError(path, $"'{choice}' is not one of the choices"));
                break;
            case "checklist" or "countries":
                if (value is not JsonArray list) { errors.Add(new FormError(path, "must be a list of choices")); return; }
                CountItems(field, list, path, errors);
                for (var i = 0; i < list.Count; i++)
                    if (!TryString(list[i], out var item) || !IsAllowed(field, item))
                        errors.Add(new FormError($"{path}[{i}]", $"'{list[i]}' is not one of the choices"));
                break;
            case "table":
                if (value is not JsonArray rows) { errors.Add(new FormError(path, "must be a list of rows")); return; }
                CountItems(field, rows, path, errors);
                for (var i = 0; i < rows.Count; i++)
                {
                    if (rows[i] is not JsonObject row) { errors.Add(new FormError($"{path}[{i}]", "must be a row")); continue; }
                    ValidateFields(field.Columns ?? [], row, $"{path}[{i}].", errors);
                }
                break;
            default:
                errors.Add(new FormError(path, $"has unknown field type '{field.Type}'"));
                break;
        }
    }

    private static void CountItems(FormField field, JsonArray list, string path, List<FormError> errors)
    {
        if (field.MinItems is { } min && list.Count < min) errors.Add(new FormError(path, $"needs at least {min} entries"));
        if (field.MaxItems is { } max && list.Count > max) errors.Add(new FormError(path, $"takes at most {max} entries"));
    }

    private static bool IsAllowed(FormField field, string value) => field.Type switch
    {
        "country" or "countries" => Countries.Codes.Contains(value),
        _ => field.Options is null || field.Options.Any(o => o.Value == value),
    };

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private static bool TryString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) { value = s; return true; }
        value = "";
        return false;
    }

    private static bool TryNumber(JsonNode node, out double value)
    {
        if (Engine.Expressions.ValueConverter.TryGetNumber(node, out var number))
        {
            value = (double)number;
            return true;
        }
        value = 0;
        return node is JsonValue s && s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float,
            CultureInfo.InvariantCulture, out value);
    }
}
