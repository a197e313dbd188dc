using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>The activities and connections of an <c>Elsa.Flowchart</c>, read from its JSON.</summary>
public sealed class Flowchart
{
    public required IReadOnlyList<ActivityNode> Activities { get; init; }
    public required IReadOnlyList<Connection> Connections { get; init; }

    /// <summary>The JSON path of each activity in the document, for messages.</summary>
    public required IReadOnlyDictionary<string, string> PathOf { get; init; }

    /// <summary>
    /// Reads a flowchart; structural problems (missing ids, duplicates, malformed connections) are added to <paramref name="problems"/>.
    /// </summary>
    public static Flowchart Read(JsonObject root, string rootPath, List<DefinitionProblem> problems)
    {
        var rootType = WorkflowDefinitionDocument.Text(root["type"]);
        if (rootType == SequenceType) return ReadSequence(root, rootPath, problems);
        // Elsa runs any activity as a root (a workflow that is one WriteLine, one workflow-definition activity).
        if (rootType is not null && rootType != FlowchartType && root["activities"] is null)
            return ReadSequence(new JsonObject { ["activities"] = new JsonArray(root.DeepClone()) }, rootPath, problems, single: true);
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

    public const string FlowchartType = "Elsa.Flowchart";
    public const string SequenceType = "Elsa.Sequence";

    /// <summary>
    /// An <c>Elsa.Sequence</c> runs its activities one after the other: the same as a flowchart whose activities are joined
    /// Done → In in their order, which is how this engine runs it (activity ids, and so bookmarks and journals, stay the same).
    /// </summary>
    private static Flowchart ReadSequence(JsonObject sequence, string rootPath, List<DefinitionProblem> problems, bool single = false)
    {
        var chart = Read(new JsonObject { ["activities"] = sequence["activities"]?.DeepClone() ?? new JsonArray() }, rootPath, problems);
        var connections = new List<Connection>();
        for (var i = 1; i < chart.Activities.Count; i++)
            connections.Add(new Connection(connections.Count, chart.Activities[i - 1].Id, "Done", chart.Activities[i].Id, "In"));
        var paths = single ? chart.PathOf.ToDictionary(p => p.Key, _ => rootPath, StringComparer.Ordinal) : chart.PathOf;
        return new Flowchart { Activities = chart.Activities, Connections = connections, PathOf = paths, IsSequence = true };
    }

    /// <summary>True when the root was a sequence or a single activity (its connections are implied, not drawn).</summary>
    public bool IsSequence { get; init; }

    private static (string? Activity, string Port) Endpoint(JsonNode? node, JsonNode? legacyPort, string defaultPort) => node switch
    {
        JsonObject o => (WorkflowDefinitionDocument.Text(o["activity"]), WorkflowDefinitionDocument.Text(o["port"]) ?? defaultPort),
        JsonValue v => (WorkflowDefinitionDocument.Text(v), WorkflowDefinitionDocument.Text(legacyPort) ?? defaultPort),
        _ => (null, defaultPort),
    };
}
