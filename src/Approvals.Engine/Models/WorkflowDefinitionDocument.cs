using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>
/// An Elsa 3 workflow-definition document. The JSON object is the source of truth, so designer
/// metadata and properties this engine does not know survive a load/save round trip.
/// </summary>
public sealed class WorkflowDefinitionDocument(JsonObject json)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public JsonObject Json { get; } = json;

    public string? Id { get => Str("id"); set => Json["id"] = value; }
    public string? DefinitionId { get => Str("definitionId"); set => Json["definitionId"] = value; }
    public string? Name { get => Str("name"); set => Json["name"] = value; }
    public string? Description => Str("description");
    public int Version { get => Json["version"] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0; set => Json["version"] = value; }
    public bool IsLatest { get => Bool("isLatest"); set => Json["isLatest"] = value; }
    public bool IsPublished { get => Bool("isPublished"); set => Json["isPublished"] = value; }
    public JsonObject? Root => Json["root"] as JsonObject;

    public IReadOnlyList<VariableDefinition> Variables =>
        (Json["variables"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(v => new VariableDefinition(
                Text(v["id"]) ?? Text(v["name"]) ?? "",
                Text(v["name"]) ?? Text(v["id"]) ?? "",
                Text(v["typeName"]),
                v["value"] is JsonValue val ? (val.TryGetValue<string>(out var s) ? s : val.ToJsonString()) : v["value"]?.ToJsonString()))
            .Where(v => v.Name.Length > 0)
            .ToList();

    /// <summary>Names of the declared inputs (<c>inputs[].name</c>).</summary>
    public IReadOnlyList<string> InputNames => Names("inputs");

    /// <summary>Names of the declared outputs (<c>outputs[].name</c>).</summary>
    public IReadOnlyList<string> OutputNames => Names("outputs");

    /// <summary>The outcomes a workflow used as an activity can complete with (<c>outcomes</c>).</summary>
    public IReadOnlyList<string> Outcomes => (Json["outcomes"] as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    /// <summary>
    /// Whether other workflows may use this one as an activity (<c>options.usableAsActivity</c>, or Elsa 3.0's top-level flag).
    /// </summary>
    public bool UsableAsActivity => Json["options"]?["usableAsActivity"] is JsonValue o ? o.TryGetValue<bool>(out var b) && b
        : Bool("usableAsActivity");

    private List<string> Names(string property) =>
        (Json[property] as JsonArray ?? []).OfType<JsonObject>().Select(i => Text(i["name"])).OfType<string>()
            .Where(n => n.Length > 0).ToList();

    public WorkflowDefinitionDocument Clone() => new((JsonObject)Json.DeepClone());

    public string ToJson(bool indented = true) => Json.ToJsonString(indented ? Indented : SingleLine);

    private static readonly JsonSerializerOptions SingleLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? Str(string name) => Text(Json[name]);
    private bool Bool(string name) => Json[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    internal static string? Text(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
        : null;
}
