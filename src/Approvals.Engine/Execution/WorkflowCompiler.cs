using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>Turns a definition document into a <see cref="CompiledWorkflow"/>; published versions are compiled once and cached.</summary>
public sealed class WorkflowCompiler(ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _published = new(StringComparer.Ordinal);

    public CompiledWorkflow Compile(string versionId, WorkflowDefinitionDocument document, bool isPublished)
    {
        if (isPublished) return _published.GetOrAdd(versionId, _ => Build(versionId, document));
        return Build(versionId, document);
    }

    /// <summary>Separates a version id from the id of the container activity whose body a body version id names.</summary>
    public const char BodySeparator = '#';

    /// <summary>
    /// The body of a container activity as a workflow of its own (version id <c>versionId#activityId</c>): it declares the parent's
    /// variables and the container's own (CurrentValue, CurrentIndex), and is cached with its parent when that is published.
    /// </summary>
    public CompiledWorkflow CompileBody(CompiledWorkflow parent, string activityId)
    {
        var versionId = $"{parent.VersionId}{BodySeparator}{activityId}";
        if (_published.TryGetValue(versionId, out var cached)) return cached;
        var node = parent.FindNode(activityId)
            ?? throw new InvalidOperationException($"Activity '{activityId}' is not in version {parent.VersionId}.");
        var body = node.Body ?? throw new InvalidOperationException($"Activity '{activityId}' has no body.");
        var document = BodyDocument(parent.Document, node, body);
        var compiled = Build(versionId, document);
        if (_published.ContainsKey(parent.VersionId)) _published.TryAdd(versionId, compiled);
        return compiled;
    }

    /// <summary>A document for a container's body: the parent's identity and variables, the loop's variables, the body as root.</summary>
    public static WorkflowDefinitionDocument BodyDocument(WorkflowDefinitionDocument parent, ActivityNode node, JsonObject body)
    {
        var variables = (JsonArray)(parent.Json["variables"]?.DeepClone() ?? new JsonArray());
        foreach (var loop in new[] { "CurrentValue", "CurrentIndex" })
            if (!variables.OfType<JsonObject>().Any(v => WorkflowDefinitionDocument.Text(v["name"]) == loop))
                variables.Add(new JsonObject { ["id"] = loop, ["name"] = loop, ["typeName"] = "Object" });
        return new WorkflowDefinitionDocument(new JsonObject
        {
            ["definitionId"] = parent.DefinitionId,
            ["name"] = $"{parent.Name ?? parent.DefinitionId} / {node.DisplayName}",
            ["version"] = parent.Version,
            ["variables"] = variables,
            ["root"] = body.DeepClone(),
        });
    }

    /// <summary>The cached compilation of a published version, if it was compiled before.</summary>
    public CompiledWorkflow? TryGetPublished(string versionId) => _published.GetValueOrDefault(versionId);

    public CompiledWorkflow Build(string versionId, WorkflowDefinitionDocument document)
    {
        var problems = new List<DefinitionProblem>();
        var root = document.Root ?? throw new InvalidDefinitionException(
            [new DefinitionProblem("root-missing", "The definition has no root flowchart.", "root")]);
        var flowchart = Flowchart.Read(root, "root", problems);
        if (problems.Count > 0) throw new InvalidDefinitionException(problems);

        var nodes = flowchart.Activities.ToArray();
        var n = nodes.Length;
        var indexOf = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) indexOf[nodes[i].Id] = i;

        var inbound = new List<Connection>[n];
        var outbound = new Dictionary<string, List<Connection>>[n];
        for (var i = 0; i < n; i++)
        {
            inbound[i] = [];
            outbound[i] = new Dictionary<string, List<Connection>>(StringComparer.Ordinal);
        }
        foreach (var c in flowchart.Connections)
        {
            if (!indexOf.TryGetValue(c.SourceId, out var s) || !indexOf.TryGetValue(c.TargetId, out var t)) continue;
            inbound[t].Add(c);
            if (!outbound[s].TryGetValue(c.SourcePort, out var list)) outbound[s][c.SourcePort] = list = [];
            list.Add(c);
        }

        var reach = new bool[n][];
        for (var i = 0; i < n; i++)
        {
            reach[i] = new bool[n];
            var stack = new Stack<int>();
            stack.Push(i);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                foreach (var list in outbound[at].Values)
                foreach (var c in list)
                {
                    var t = indexOf[c.TargetId];
                    if (reach[i][t]) continue;
                    reach[i][t] = true;
                    stack.Push(t);
                }
            }
        }

        // A type the registry does not know is taken for another workflow used as an activity; it is found (or faults) when it runs.
        var descriptors = nodes.Select(node => registry.Find(node.Type)
            ?? registry.Find(Activities.WorkflowDefinitionActivity.TypeName)).ToArray();
        var joinKinds = new JoinKind[n];
        var forwardSources = new int[n][];
        for (var i = 0; i < n; i++)
        {
            // A loop-back connection comes from a node this one reaches itself; the others are forward.
            forwardSources[i] = inbound[i].Select(c => indexOf[c.SourceId]).Where(source => !reach[i][source]).Distinct().ToArray();
            joinKinds[i] = JoinKindOf(nodes[i], inbound[i].Count, forwardSources[i].Length);
        }

        // The inbound connections a Merge or Converge join waits for: Merge leaves out loop-back connections (from a node it reaches
        // itself).
        var required = new int[n][];
        for (var i = 0; i < n; i++)
            required[i] = inbound[i].Where(c => joinKinds[i] != JoinKind.Merge || !reach[i][indexOf[c.SourceId]])
                .Select(c => c.Index).ToArray();

        var inputs = new PreparedInput[n][];
        for (var i = 0; i < n; i++) inputs[i] = descriptors[i] is { } d ? Prepare(nodes[i], d) : [];

        return new CompiledWorkflow
        {
            VersionId = versionId,
            DefinitionId = document.DefinitionId ?? versionId,
            Version = document.Version,
            Name = document.Name,
            Document = document,
            Flowchart = flowchart,
            Variables = document.Variables,
            InputNames = document.InputNames,
            OutputNames = document.OutputNames,
            Nodes = nodes,
            Descriptors = descriptors,
            Inbound = inbound.Select(l => l.ToArray()).ToArray(),
            Outbound = outbound.Select(d => d.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)).ToArray(),
            Reach = reach,
            JoinKinds = joinKinds,
            RequiredInbound = required,
            ForwardSources = forwardSources,
            Inputs = inputs,
            IndexOf = indexOf,
            StartIndex = FindStart(root, nodes, inbound, indexOf),
        };
    }

    /// <summary>
    /// The start node, as Elsa picks it: an <c>Elsa.Start</c>, else the flowchart's <c>start</c>, else a node
    /// that can start the workflow and has no inbound connection, else the first node with no inbound connection.
    /// </summary>
    internal static int FindStart(JsonObject root, ActivityNode[] nodes, List<Connection>[] inbound, Dictionary<string, int> indexOf)
    {
        for (var i = 0; i < nodes.Length; i++) if (nodes[i].Type == "Elsa.Start") return i;
        if (WorkflowDefinitionDocument.Text(root["start"]) is { } startId && indexOf.TryGetValue(startId, out var s)) return s;
        for (var i = 0; i < nodes.Length; i++)
            if (inbound[i].Count == 0 && nodes[i].Json["customProperties"]?["canStartWorkflow"] is JsonValue v
                && v.TryGetValue<bool>(out var b) && b) return i;
        for (var i = 0; i < nodes.Length; i++) if (inbound[i].Count == 0) return i;
        return nodes.Length > 0 ? 0 : -1;
    }

    private static JoinKind JoinKindOf(ActivityNode node, int inboundCount, int forwardSources)
    {
        if (node.Type == "Elsa.FlowJoin")
        {
            var mode = node.GetInput("mode")?.Expression.Text ?? WorkflowDefinitionDocument.Text(node.GetProperty("mode"));
            return string.Equals(mode, "WaitAll", StringComparison.OrdinalIgnoreCase) ? JoinKind.WaitActive : JoinKind.Race;
        }
        if (inboundCount <= 1) return JoinKind.None;
        return node.GetCustomProperty("mergeMode") switch
        {
            "Merge" => JoinKind.Merge,
            "Converge" => JoinKind.Converge,
            "Race" => JoinKind.Race,
            "Cascade" => JoinKind.None,
            _ => forwardSources > 1 ? JoinKind.Stream : JoinKind.None,
        };
    }

    private static PreparedInput[] Prepare(ActivityNode node, ActivityDescriptor descriptor)
    {
        var result = new PreparedInput[descriptor.Inputs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var input = descriptor.Inputs[i];
            var raw = node.GetProperty(input.Name);
            var binding = raw is JsonObject o && InputBindingReader.TryRead(input.Name, o, out var b) ? b : null;
            var prepared = new PreparedInput(input, binding, binding is null ? raw : null);
            var type = Nullable.GetUnderlyingType(input.Property.PropertyType) ?? input.Property.PropertyType;
            var immutable = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
                || type == typeof(DateTimeOffset);
            if (immutable && binding is { Expression.Type: WorkflowExpression.Literal })
            {
                try
                {
                    prepared = prepared with { IsConstant = true, Constant = LiteralEvaluator.Read(binding.Expression,
                        input.Property.PropertyType) };
                }
                catch (FormatException)
                {
                    // Left to run time, where the conversion error faults the activity with a message.
                }
            }
            result[i] = prepared;
        }
        return result;
    }
}
