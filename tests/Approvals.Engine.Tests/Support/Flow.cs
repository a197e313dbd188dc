using System.Text.Json.Nodes;

namespace Approvals.Engine.Tests.Support;

/// <summary>Builds Elsa 3 definition JSON for tests, the way the designer writes it.</summary>
public sealed class Flow(string definitionId, string? name = null)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonArray _inputs = [];
    private readonly JsonArray _outputs = [];
    private readonly JsonArray _outcomes = [];
    private bool _usableAsActivity;

    /// <summary>Declares workflow inputs (each gets a get&lt;Name&gt;() in scripts).</summary>
    public Flow Inputs(params string[] names)
    {
        foreach (var n in names) _inputs.Add(new JsonObject { ["name"] = n, ["type"] = "Object", ["displayName"] = n });
        return this;
    }

    public Flow Outputs(params string[] names)
    {
        foreach (var n in names) _outputs.Add(new JsonObject { ["name"] = n, ["type"] = "Object", ["displayName"] = n });
        return this;
    }

    public Flow Outcomes(params string[] names)
    {
        foreach (var n in names) _outcomes.Add(n);
        return this;
    }

    /// <summary>Lets other workflows use this one as an activity (its type: the name without spaces).</summary>
    public Flow UsableAsActivity()
    {
        _usableAsActivity = true;
        return this;
    }

    /// <summary>Marks a trigger activity as able to start the workflow.</summary>
    public Flow CanStart(string id)
    {
        var node = _activities.OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        node["customProperties"]!["canStartWorkflow"] = true;
        return this;
    }

    public Flow Activity(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var node = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:Flowchart1:{id}",
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } },
        };
        foreach (var (propertyName, value) in properties) node[propertyName] = value;
        _activities.Add(node);
        return this;
    }

    public Flow WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Literal(text)));

    public Flow MergeMode(string id, string mode)
    {
        var node = _activities.OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        node["customProperties"]!["mergeMode"] = mode;
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
            ["vertices"] = new JsonArray(),
        });
        return this;
    }

    public Flow Variable(string name, string typeName, string? value)
    {
        _variables.Add(new JsonObject { ["id"] = name + "Id", ["name"] = name, ["typeName"] = typeName,
            ["isArray"] = false, ["value"] = value });
        return this;
    }

    public static JsonObject Literal(string value, string typeName = "String") => Expr("Literal", value, typeName);
    public static JsonObject Js(string script, string typeName = "Object") => Expr("JavaScript", script, typeName);
    public static JsonObject Liquid(string template) => Expr("Liquid", template, "String");
    public static JsonObject Obj(string json, string typeName = "Object") => Expr("Object", json, typeName);

    public static JsonObject Expr(string type, string value, string typeName) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };

    public static JsonObject VariableRef(string name) => new() { ["id"] = name + "Id", ["name"] = name, ["typeName"] = "Object" };

    public JsonObject ToJson() => new()
    {
        ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
        ["id"] = definitionId + "-v",
        ["definitionId"] = definitionId,
        ["name"] = name ?? definitionId,
        ["version"] = 1,
        ["variables"] = _variables.DeepClone(),
        ["inputs"] = _inputs.DeepClone(),
        ["outputs"] = _outputs.DeepClone(),
        ["outcomes"] = _outcomes.DeepClone(),
        ["options"] = new JsonObject { ["usableAsActivity"] = _usableAsActivity },
        ["customProperties"] = new JsonObject(),
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["root"] = new JsonObject
        {
            ["id"] = "Flowchart1",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    };

    public override string ToString() => ToJson().ToJsonString();
}
