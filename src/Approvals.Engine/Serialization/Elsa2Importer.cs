using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Serialization;

/// <summary>
/// Converts an Elsa 2 export (activities with <c>properties</c>/<c>syntax</c>/<c>expressions</c>, connections by
/// outcome) into an Elsa 3 definition. Fork, Join, If, Switch, SetVariable, SignalReceived, Timer, Cron, StartAt, SendEmail,
/// WriteLine, Finish, HttpEndpoint, WriteHttpResponse, SendHttpRequest, RunWorkflow, RunJavaScript, ClearTimer, SetName,
/// Correlate, SetContextId (as Correlate) and State (as SetVariable CurrentState) map to their Elsa 3
/// counterparts (a trigger nothing leads into can start the workflow); any other type is kept by name so validation names it.
/// </summary>
public static class Elsa2Importer
{
    private sealed record Mapping(string Type, IReadOnlyDictionary<string, string> Inputs);

    private static readonly Dictionary<string, Mapping> Mappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Fork"] = new("Elsa.FlowFork", Map(("Branches", "branches"))),
        ["Join"] = new("Elsa.FlowJoin", Map(("Mode", "mode"))),
        ["If"] = new("Elsa.FlowDecision", Map(("Condition", "condition"))),
        ["Switch"] = new("Elsa.FlowSwitch", Map(("Mode", "mode"))),
        ["SetVariable"] = new("Elsa.SetVariable", Map(("Value", "value"))),
        ["SignalReceived"] = new("Elsa.Event", Map(("Signal", "eventName"))),
        ["Timer"] = new("Elsa.Timer", Map(("Timeout", "interval"))),
        ["SendEmail"] = new("Elsa.SendEmail", Map(("From", "from"), ("To", "to"), ("Cc", "cc"), ("Bcc", "bcc"),
            ("Subject", "subject"), ("Body", "body"))),
        ["WriteLine"] = new("Elsa.WriteLine", Map(("Text", "text"))),
        ["Finish"] = new("Elsa.Finish", Map()),
        ["HttpEndpoint"] = new("Elsa.HttpEndpoint", Map(("Path", "path"), ("Methods", "supportedMethods"),
            ("Authorize", "authorize"), ("Policy", "policy"))),
        ["WriteHttpResponse"] = new("Elsa.WriteHttpResponse",
            Map(("Content", "content"), ("ContentType", "contentType"), ("StatusCode", "statusCode"),
            ("ResponseHeaders", "responseHeaders"))),
        ["SendHttpRequest"] = new("Elsa.FlowSendHttpRequest", Map(("Url", "url"), ("Method", "method"), ("Content", "content"),
            ("ContentType", "contentType"),
            ("Authorization", "authorization"), ("RequestHeaders", "requestHeaders"), ("SupportedStatusCodes", "expectedStatusCodes"))),
        ["RunWorkflow"] = new("Elsa.ExecuteWorkflow", Map(("WorkflowDefinitionId", "workflowDefinitionId"), ("Input", "input"),
            ("CorrelationId", "correlationId"))),
        ["RunJavaScript"] = new("Elsa.RunJavaScript", Map(("Script", "script"))),
        ["Cron"] = new("Elsa.Cron", Map(("CronExpression", "cronExpression"))),
        ["StartAt"] = new("Elsa.StartAt", Map(("Instant", "dateTime"))),
        ["ClearTimer"] = new("Elsa.ClearTimer", Map(("ActivityId", "activityId"))),
        // Elsa 3 has no context id: the correlation id is what aims stimuli at an instance, as the context id did.
        ["SetContextId"] = new("Elsa.Correlate", Map(("ContextId", "correlationId"))),
        ["Correlate"] = new("Elsa.Correlate", Map(("Value", "correlationId"))),
        ["SetName"] = new("Elsa.SetName", Map(("Value", "value"))),
        // A state machine's state: the state's name is kept in the CurrentState variable.
        ["State"] = new("Elsa.SetVariable", Map(("StateName", "value"))),
    };

    /// <summary>Elsa 2 triggers that start a workflow when nothing leads into them.</summary>
    private static readonly HashSet<string> Triggers = new(StringComparer.OrdinalIgnoreCase) { "HttpEndpoint", "Timer", "Cron",
        "StartAt", "SignalReceived" };

    /// <summary>An Elsa 2 export has top-level <c>activities</c> and <c>connections</c> and no <c>root</c>.</summary>
    public static bool IsElsa2(JsonObject json) => json["root"] is null && json["activities"] is JsonArray
        && json["connections"] is JsonArray;

    public static WorkflowDefinitionDocument Import(JsonObject v2)
    {
        var definitionId = Text(v2["definitionId"]) ?? Guid.NewGuid().ToString("N");
        var variables = new JsonArray();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (v2["variables"]?["data"] is JsonObject data)
            foreach (var (name, value) in data)
                Declare(variables, declared, name, value);

        var targets = (v2["connections"] as JsonArray ?? []).OfType<JsonObject>().Select(c => Text(c["targetActivityId"]))
            .ToHashSet(StringComparer.Ordinal);
        var activities = new JsonArray();
        foreach (var a in (v2["activities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var node = ImportActivity(a, variables, declared);
            if (Triggers.Contains(Text(a["type"]) ?? "") && !targets.Contains(Text(a["activityId"])))
                node["customProperties"]!["canStartWorkflow"] = true;
            activities.Add(node);
        }

        var connections = new JsonArray();
        foreach (var c in (v2["connections"] as JsonArray ?? []).OfType<JsonObject>())
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = Text(c["sourceActivityId"]), ["port"] = Text(c["outcome"]) ?? "Done" },
                ["target"] = new JsonObject { ["activity"] = Text(c["targetActivityId"]), ["port"] = "In" },
                ["vertices"] = new JsonArray(),
            });

        var json = new JsonObject
        {
            ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
            ["id"] = Text(v2["versionId"]) ?? Guid.NewGuid().ToString("N"),
            ["definitionId"] = definitionId,
            ["name"] = Text(v2["displayName"]) ?? Text(v2["name"]) ?? definitionId,
            ["description"] = Text(v2["description"]),
            ["version"] = v2["version"]?.DeepClone() ?? 1,
            ["toolVersion"] = "Elsa 2 import",
            ["variables"] = variables,
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject { ["importedFrom"] = "Elsa 2" },
            ["isLatest"] = true,
            ["isPublished"] = false,
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["nodeId"] = "Workflow1:Flowchart1",
                ["name"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["customProperties"] = new JsonObject(),
                ["metadata"] = new JsonObject(),
                ["activities"] = activities,
                ["connections"] = connections,
            },
        };
        return new WorkflowDefinitionDocument(json);
    }

    private static JsonObject ImportActivity(JsonObject a, JsonArray variables, HashSet<string> declared)
    {
        var v2Type = Text(a["type"]) ?? "";
        var id = Text(a["activityId"]) ?? Guid.NewGuid().ToString("N");
        Mappings.TryGetValue(v2Type, out var mapping);
        var node = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:Flowchart1:{id}",
            ["name"] = Text(a["name"]) ?? Text(a["displayName"]),
            ["type"] = mapping?.Type ?? v2Type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject
            {
                ["displayText"] = Text(a["displayName"]),
                ["designer"] = new JsonObject
                {
                    ["position"] = new JsonObject { ["x"] = a["x"]?.DeepClone() ?? 0, ["y"] = a["y"]?.DeepClone() ?? 0 },
                },
            },
        };

        if (mapping is not null && v2Type.Equals("State", StringComparison.OrdinalIgnoreCase))
        {
            Declare(variables, declared, "CurrentState", null);
            node["variable"] = new JsonObject { ["id"] = "CurrentState", ["name"] = "CurrentState", ["typeName"] = "Object" };
        }
        foreach (var p in (a["properties"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(p["name"]);
            if (name is null) continue;
            var expressions = p["expressions"] as JsonObject;
            // Without a syntax, Elsa 2 used the property's one expression (Literal when there are several).
            var syntax = Text(p["syntax"])
                ?? (expressions?.ContainsKey("Literal") == true ? "Literal" : expressions?.Select(e => e.Key)
                    .FirstOrDefault(k => k != "$id"))
                ?? "Literal";
            var value = Text(expressions?[syntax]) ?? (syntax == "Literal" ? null : Text(expressions?["Literal"]));
            if (value is null) continue;

            if (mapping is not null && v2Type.Equals("SetVariable", StringComparison.OrdinalIgnoreCase) && name == "VariableName")
            {
                Declare(variables, declared, value, null);
                node["variable"] = new JsonObject { ["id"] = value, ["name"] = value, ["typeName"] = "Object" };
                continue;
            }
            if (mapping is not null && v2Type.Equals("RunWorkflow", StringComparison.OrdinalIgnoreCase) && name == "Mode")
            {
                // Blocking waits for the child; FireAndForget does not.
                node["waitForCompletion"] = new JsonObject
                {
                    ["typeName"] = "Boolean",
                    ["expression"] = new JsonObject { ["type"] = "Literal",
                        ["value"] = value.Equals("Blocking", StringComparison.OrdinalIgnoreCase) ? "true" : "false" },
                };
                continue;
            }
            if (mapping is not null && v2Type.Equals("Switch", StringComparison.OrdinalIgnoreCase) && name == "Cases")
            {
                node["cases"] = ImportCases(value);
                continue;
            }
            var inputName = mapping is not null && mapping.Inputs.TryGetValue(name, out var mapped) ? mapped
                : char.ToLowerInvariant(name[0]) + name[1..];
            var type = syntax switch { "Json" => WorkflowExpression.Object, "Literal" or "JavaScript" or "Liquid" => syntax, _ => syntax };
            node[inputName] = new JsonObject
            {
                ["typeName"] = "Object",
                ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
            };
        }
        return node;
    }

    /// <summary>Elsa 2 switch cases: <c>[{name, syntax, expressions}]</c> → Elsa 3 <c>[{label, condition:{type, value}}]</c>.</summary>
    private static JsonArray ImportCases(string json)
    {
        var result = new JsonArray();
        if (JsonNode.Parse(json) is not JsonArray cases) return result;
        foreach (var c in cases.OfType<JsonObject>())
        {
            var syntax = Text(c["syntax"]) ?? "JavaScript";
            result.Add(new JsonObject
            {
                ["label"] = Text(c["name"]),
                ["condition"] = new JsonObject { ["type"] = syntax, ["value"] = Text(c["expressions"]?[syntax]) },
            });
        }
        return result;
    }

    private static void Declare(JsonArray variables, HashSet<string> declared, string name, JsonNode? value)
    {
        if (!declared.Add(name)) return;
        variables.Add(new JsonObject
        {
            ["id"] = name,
            ["name"] = name,
            ["typeName"] = "Object",
            ["isArray"] = false,
            ["value"] = value is null ? null : value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString(),
        });
    }

    private static Dictionary<string, string> Map(params (string From, string To)[] pairs) =>
        pairs.ToDictionary(p => p.From, p => p.To, StringComparer.OrdinalIgnoreCase);

    private static string? Text(JsonNode? node) => WorkflowDefinitionDocument.Text(node);
}
