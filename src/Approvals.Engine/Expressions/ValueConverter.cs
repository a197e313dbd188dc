using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Approvals.Engine.Expressions;

/// <summary>Converts expression results and literal text into the CLR type an input declares, and values into JSON for storage.</summary>
public static class ValueConverter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null) return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        target = underlying ?? target;
        if (target == typeof(object)) return value is JsonValue jv ? Scalar(jv) : value;
        if (target.IsInstanceOfType(value) && value is not JsonNode) return value;
        if (target == typeof(JsonNode)) return ToJsonNode(value);
        if (target == typeof(JsonObject)) return ToJsonNode(value is string s0 ? JsonNode.Parse(s0) : value) as JsonObject
            ?? throw new FormatException("Expected a JSON object.");
        if (target == typeof(JsonArray)) return ToJsonNode(value is string s1 ? JsonNode.Parse(s1) : value) as JsonArray
            ?? throw new FormatException("Expected a JSON array.");

        if (value is JsonValue jsonValue) value = Scalar(jsonValue);
        if (value is null) return Convert(null, target);
        if (value is JsonNode node) return node.Deserialize(target, Json);

        if (target == typeof(string)) return value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable and not string => JsonSerializer.Serialize(value, Json),
            _ => value.ToString(),
        };
        if (target == typeof(bool)) return value switch
        {
            string s => ParseBool(s),
            double d => d != 0,
            long l => l != 0,
            int i => i != 0,
            _ => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        };
        if (target == typeof(TimeSpan)) return ToTimeSpan(value);
        if (target == typeof(DateTimeOffset)) return value switch
        {
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTime d => new DateTimeOffset(d),
            _ => throw new FormatException($"Cannot read '{value}' as a date and time."),
        };
        if (target.IsEnum) return value is string es
            ? Enum.Parse(target, es, ignoreCase: true)
            : Enum.ToObject(target, System.Convert.ToInt32(value, CultureInfo.InvariantCulture));
        if (target.IsPrimitive || target == typeof(decimal))
        {
            if (value is string ns) value = ns.Trim().Length == 0 ? 0 : double.Parse(ns, CultureInfo.InvariantCulture);
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        // Collections and records: go through JSON.
        var jsonText = value is string text && LooksLikeJson(text) ? text : JsonSerializer.Serialize(value, Json);
        if (value is string single && !LooksLikeJson(single) && IsStringCollection(target))
            jsonText = JsonSerializer.Serialize(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return JsonSerializer.Deserialize(jsonText, target, Json);
    }

    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    /// <summary>Reads a JSON number whatever CLR number the node holds.</summary>
    public static bool TryGetNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Turns a value (CLR, JSON or literal) into a JSON node for variables and outputs.</summary>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        JsonNode n => n.Parent is null ? n : n.DeepClone(),
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Json),
    };

    /// <summary>
    /// A value as JSON, where text holding a JSON <typeparamref name="T"/> (an object or an array, as a script or a form field often
    /// gives it) is read as that JSON; any other value stays as it is.
    /// </summary>
    public static JsonNode? ToJsonNodeReadingText<T>(object? value) where T : JsonNode
    {
        var node = ToJsonNode(value);
        var opening = typeof(T) == typeof(JsonArray) ? '[' : '{';
        return node is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith(opening)
            && JsonNode.Parse(text) is T parsed ? parsed : node;
    }

    /// <summary>
    /// The constant array an activity's input holds in the definition (fork branches, expected status codes); empty when it is none.
    /// </summary>
    public static T[] ConstantArray<T>(Models.ActivityNode node, string input)
    {
        var raw = node.GetInput(input)?.Expression.Value ?? node.GetProperty(input);
        try
        {
            return raw switch
            {
                null => [],
                JsonValue v when v.TryGetValue<string>(out var s) => Convert<T[]>(s) ?? [],
                _ => Convert<T[]>(raw) ?? [],
            };
        }
        catch (Exception)
        {
            return [];
        }
    }

    /// <summary>Turns JSON into plain CLR values (dictionaries, lists, strings, numbers, booleans) for templates.</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => Scalar(v),
        _ => null,
    };

    public static object? Scalar(JsonValue value)
    {
        if (value.TryGetValue<string>(out var s)) return s;
        if (value.TryGetValue<bool>(out var b)) return b;
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            // The value may hold any CLR number (int, decimal, …) or a parsed element: read its JSON text.
            var text = value.ToJsonString();
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : double.Parse(text,
                CultureInfo.InvariantCulture);
        }
        if (value.TryGetValue<JsonElement>(out var e)) return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => e.TryGetInt64(out var i) ? i : e.GetDouble(),
            _ => null,
        };
        return value.GetValue<object>();
    }

    /// <summary>Accepts <c>00:01:00</c>, ISO 8601 (<c>PT30S</c>, <c>P2D</c>) and a number of milliseconds.</summary>
    public static TimeSpan ToTimeSpan(object value) => value switch
    {
        TimeSpan t => t,
        double ms => TimeSpan.FromMilliseconds(ms),
        long ms => TimeSpan.FromMilliseconds(ms),
        int ms => TimeSpan.FromMilliseconds(ms),
        string s when s.TrimStart().StartsWith('P') || s.TrimStart().StartsWith("-P", StringComparison.Ordinal) =>
            XmlConvert.ToTimeSpan(s.Trim()),
        string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) => t,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) => TimeSpan.FromMilliseconds(ms),
        _ => throw new FormatException($"Cannot read '{value}' as a duration; use 00:01:00 or ISO 8601 such as PT30S."),
    };

    private static bool ParseBool(string s) => s.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" or "" => false,
        _ => throw new FormatException($"Cannot read '{s}' as true or false."),
    };

    private static bool LooksLikeJson(string s)
    {
        var t = s.TrimStart();
        return t.StartsWith('[') || t.StartsWith('{');
    }

    private static bool IsStringCollection(Type t) =>
        t == typeof(string[]) || (t.IsGenericType && t.GetGenericArguments() is [var a] && a == typeof(string));
}
