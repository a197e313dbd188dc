using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;

namespace Approvals.Engine.Expressions;

/// <summary>
/// Moves JSON values into and out of a script: only JSON crosses the boundary, so a script never holds a CLR object.
/// Values go in built directly as JavaScript objects, arrays and primitives — what <c>JSON.parse</c> of their text would
/// make, without writing and parsing the text (that was a third of an evaluation's time).
/// </summary>
internal static class ScriptValues
{
    public static JsValue ToJs(JsEngine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject json:
                var target = new JsObject(engine);
                // Own data properties, as JSON.parse defines them: a key named __proto__ stays a key, not the prototype.
                foreach (var (key, value) in json) target.CreateDataProperty(key, ToJs(engine, value));
                return target;
            case JsonArray json:
                var items = new JsValue[json.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToJs(engine, json[i]);
                return new JsArray(engine, items);
            default:
                return Primitive((JsonValue)node);
        }
    }

    private static JsValue Primitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // Text, or a value the serializer writes as text (a date, a Guid): read back as the text JSON holds.
                return value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!;
            case JsonValueKind.Number:
                return value.TryGetValue<double>(out var number)
                    ? number : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }

    /// <summary>A script's value as JSON (what <c>JSON.stringify</c> makes of it); null for null, undefined and functions.</summary>
    public static JsonNode? ToNode(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    /// <summary>A script's result: text, a boolean or a number as such, anything else as JSON.</summary>
    public static object? ToClr(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsString()) return value.AsString();
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsNumber()) return value.AsNumber();
        return ToNode(engine, value);
    }
}
