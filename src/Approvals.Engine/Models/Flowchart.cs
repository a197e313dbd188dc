using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>The activities and connections of an <c>Elsa.Flowchart</c>, read from its JSON.</summary>
public sealed class Flowchart
{
    public required IReadOnlyList<ActivityNode> Activities { get; init; }
    public required IReadOnlyList<Connection> Connections { get; init; }

    /// <summary>The JSON path of each activity in the document, for messages.</summary>
    public required IReadOnlyDictionary<string, string> PathOf { get; init; }

    /// <summary>Reads a flowchart; structural problems (missing ids, duplicates, malformed connections) are added to <paramref name="problems"/>.</summary>
    public static Flowchart Read(JsonObject root, string rootPath, List<DefinitionProblem> problems)
    {
        var nodes = new List<ActivityNode>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var activities = root["activities"] as JsonArray ?? [];
        for (var i = 0; i < activities.Count; i++)
        {
            var path = $"{rootPath}.activities[{i}]";
            if (activities[i] is not JsonObject a)
            {
                problems.Add(new DefinitionProblem("activity-not-object", "An activity must be a JSON object.", path));
                continue;
            }
            var id = WorkflowDefinitionDocument.Text(a["id"]);
            var type = WorkflowDefinitionDocument.Text(a["type"]);
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new DefinitionProblem("activity-id-missing", "The activity has no id.", path, ActivityType: type));
                continue;
            }
            if (string.IsNullOrWhiteSpace(type))
            {
                problems.Add(new DefinitionProblem("activity-type-missing", $"Activity '{id}' has no type.", path, id));
                continue;
            }
            if (!paths.TryAdd(id, path))
            {
                problems.Add(new DefinitionProblem("activity-id-duplicate", $"Activity id '{id}' is used more than once.", path, id, type));
                continue;
            }
            nodes.Add(new ActivityNode(id, type, WorkflowDefinitionDocument.Text(a["name"]), nodes.Count, a));
        }

        var connections = new List<Connection>();
        var list = root["connections"] as JsonArray ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{rootPath}.connections[{i}]";
            if (list[i] is not JsonObject c)
            {
                problems.Add(new DefinitionProblem("connection-not-object", "A connection must be a JSON object.", path));
                continue;
            }
            // Elsa 3.1+ nests {activity, port}; Elsa 3.0 wrote source/target ids with sourcePort/targetPort.
            var (source, sourcePort) = Endpoint(c["source"], c["sourcePort"], "Done");
            var (target, targetPort) = Endpoint(c["target"], c["targetPort"], "In");
            if (source is null || target is null)
            {
                problems.Add(new DefinitionProblem("connection-malformed", "The connection needs a source and a target activity.", path));
                continue;
            }
            connections.Add(new Connection(connections.Count, source, sourcePort, target, targetPort));
        }

        return new Flowchart { Activities = nodes, Connections = connections, PathOf = paths };
    }

    private static (string? Activity, string Port) Endpoint(JsonNode? node, JsonNode? legacyPort, string defaultPort) => node switch
    {
        JsonObject o => (WorkflowDefinitionDocument.Text(o["activity"]), WorkflowDefinitionDocument.Text(o["port"]) ?? defaultPort),
        JsonValue v => (WorkflowDefinitionDocument.Text(v), WorkflowDefinitionDocument.Text(legacyPort) ?? defaultPort),
        _ => (null, defaultPort),
    };
}
