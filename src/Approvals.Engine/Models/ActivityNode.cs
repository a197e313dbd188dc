using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>One activity of a flowchart as read from its definition JSON.</summary>
public sealed class ActivityNode(string id, string type, string? name, int index, JsonObject json)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public string? Name { get; } = name;

    /// <summary>Position of the node inside its flowchart; the executor indexes arrays with it.</summary>
    public int Index { get; } = index;

    /// <summary>The node's own JSON object (inputs, metadata, custom properties).</summary>
    public JsonObject Json { get; } = json;

    public string DisplayName => Name ?? Id;

    /// <summary>
    /// The activity a container runs: <c>body</c> holding an activity (not an input that happens to be called body), or the node
    /// itself when it is a flowchart or sequence placed inside another (its own activities are its body).
    /// </summary>
    public JsonObject? Body => Json["body"] is JsonObject body && body["type"] is JsonValue && body["expression"] is null ? body
        : Type is Flowchart.FlowchartType or Flowchart.SequenceType && Json["activities"] is JsonArray ? Json
        : null;

    /// <summary>Returns the raw JSON property with the given name, matched case-insensitively.</summary>
    public JsonNode? GetProperty(string name)
    {
        if (Json.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in Json)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>The wrapped input with the given name, or null when the property is absent or not wrapped.</summary>
    public InputBinding? GetInput(string name) =>
        GetProperty(name) is JsonObject o && InputBindingReader.TryRead(JsonNameOf(name), o, out var binding) ? binding : null;

    public string? GetCustomProperty(string name) =>
        Json["customProperties"] is JsonObject cp && cp[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string JsonNameOf(string name)
    {
        foreach (var (key, _) in Json)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return key;
        return name;
    }
}
