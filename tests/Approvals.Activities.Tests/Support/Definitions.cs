using System.Text.Json.Nodes;

namespace Approvals.Activities.Tests.Support;

/// <summary>Small definitions for concurrency tests, written as the designer writes them.</summary>
public static class Definitions
{
    public static string Of(string id, JsonArray activities, JsonArray connections) => new JsonObject
    {
        ["definitionId"] = id,
        ["name"] = id,
        ["version"] = 1,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities,
            ["connections"] = connections },
    }.ToJsonString();

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id };
        foreach (var (name, value) in inputs) node[name] = value;
        return node;
    }

    public static JsonObject Literal(string value, string type = "String") =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
    public static JsonObject Object(string json, string type = "String[]") =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = json } };

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
