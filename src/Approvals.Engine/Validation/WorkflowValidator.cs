using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Validation;

/// <summary>
/// Finds every problem of a definition in one pass: unknown activity types, workflows used as activities that are unknown or
/// unpublished, dangling connections, missing required inputs, expressions that do not parse or call functions that do not
/// exist, bad schedules. What Elsa itself lets pass — an unreachable activity, a connection from a port the activity lacks
/// (never followed), a required input the studio saved as null — is a warning.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry, ExpressionEvaluator expressions)
{
    private static readonly HashSet<string> Roots = [Flowchart.FlowchartType, Flowchart.SequenceType];

    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinitionDocument document) => Validate(document, WorkflowReferences.None);

    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinitionDocument document, WorkflowReferences references)
    {
        var problems = new List<DefinitionProblem>();
        if (string.IsNullOrWhiteSpace(document.DefinitionId) && string.IsNullOrWhiteSpace(document.Name))
            problems.Add(new DefinitionProblem("name-missing", "The definition needs a definitionId or a name.", "name"));
        if (document.Root is not { } root)
        {
            problems.Add(new DefinitionProblem("root-missing", "The definition has no root flowchart ('root').", "root"));
            return problems;
        }
        var rootType = WorkflowDefinitionDocument.Text(root["type"]);
        if (rootType is null)
            problems.Add(new DefinitionProblem("root-type", "The root activity has no type.", "root.type"));
        else if (!Roots.Contains(rootType) && root["activities"] is not null)
            problems.Add(new DefinitionProblem("root-type",
                $"The root '{rootType}' is a container this engine does not run; use an Elsa.Flowchart or Elsa.Sequence.", "root.type"));

        var flowchart = Flowchart.Read(root, "root", problems);
        var ports = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal);
        var descriptors = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var node in flowchart.Activities)
        {
            var path = flowchart.PathOf[node.Id];
            var descriptor = registry.Find(node.Type);
            if (descriptor is null)
            {
                if (CheckReference(node, path, references, problems) is { } reference)
                {
                    ports[node.Id] = reference.Ports;
                    outputs[node.Id] = reference.Outputs;
                }
                continue;
            }
            if (!descriptor.RunsBody && (node.Body is not null || node.Json["activities"] is JsonArray))
            {
                problems.Add(new DefinitionProblem("activity-nested-container",
                    $"Activity '{node.DisplayName}' (id {node.Id}) contains other activities; only the root may contain activities here.",
                    path, node.Id, node.Type));
                continue;
            }
            descriptors[node.Id] = descriptor;
            if (descriptor.RunsBody && node.Body is { } body)
            {
                // The body is a workflow of its own (it runs as one): its problems carry the path through this node.
                var inner = Validate(Execution.WorkflowCompiler.BodyDocument(document, node, body), references);
                problems.AddRange(inner.Where(p => p.Code != "name-missing")
                    .Select(p => p with { Path = p.Path is { } at && at.StartsWith("root", StringComparison.Ordinal)
                    ? $"{path}.body{at["root".Length..]}" : p.Path }));
            }
            ports[node.Id] = descriptor.PortsOf(node);
            outputs[node.Id] = descriptor.Outputs.Select(o => o.Name);
            ValidateInputs(node, descriptor, path, problems);
        }
        CheckScripts(document, flowchart, outputs, problems);

        var ids = flowchart.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var connection in flowchart.IsSequence ? [] : flowchart.Connections)
        {
            var path = $"root.connections[{connection.Index}]";
            var sourceKnown = ids.TryGetValue(connection.SourceId, out var source);
            if (!sourceKnown)
                problems.Add(new DefinitionProblem("connection-source-missing",
                    $"A connection starts at activity '{connection.SourceId}', which does not exist.", path + ".source"));
            if (!ids.ContainsKey(connection.TargetId))
                problems.Add(new DefinitionProblem("connection-target-missing",
                    $"A connection ends at activity '{connection.TargetId}', which does not exist.", path + ".target"));
            if (sourceKnown && ports.TryGetValue(connection.SourceId, out var known)
                && !known.Contains(connection.SourcePort, StringComparer.Ordinal))
                problems.Add(new DefinitionProblem("connection-port-unknown",
                    $"Activity '{source!.DisplayName}' (id {source.Id}, {source.Type}) has no port '{connection.SourcePort}' (its ports " +
                    $"are {string.Join(", ", known)}); " +
                    "the connection is never followed.", path + ".source.port", source.Id, source.Type) { IsWarning = true });
            if (connection.TargetPort != "In")
                problems.Add(new DefinitionProblem("connection-target-port",
                    $"A connection must end at the 'In' port, not '{connection.TargetPort}'.", path + ".target.port"));
        }

        ReportUnreachable(root, flowchart, problems);
        return problems;
    }

    /// <summary>
    /// Whether the definition uses a type the registry does not know (another workflow, say), at any depth: only then do references matter.
    /// </summary>
    public bool UsesUnknownTypes(WorkflowDefinitionDocument document) => document.Root is { } root && UsesUnknownTypes(root);

    private bool UsesUnknownTypes(JsonObject root) =>
        Flowchart.Read(root, "root", []).Activities.Any(node => registry.Find(node.Type) is null || node.Body is { } body
            && UsesUnknownTypes(body));

    /// <summary>A type the registry does not know: another workflow used as an activity, which must be known and published.</summary>
    private static WorkflowReference? CheckReference(ActivityNode node, string path, WorkflowReferences references,
        List<DefinitionProblem> problems)
    {
        var reference = references.Find(node);
        var definitionId = WorkflowDefinitionDocument.Text(node.GetProperty("workflowDefinitionId"));
        if (reference is null)
        {
            problems.Add(definitionId is null
                ? new DefinitionProblem("activity-type-unknown",
                    $"Activity '{node.DisplayName}' (id {node.Id}) has type '{node.Type}', which this engine does not support.",
                    path + ".type", node.Id, node.Type)
                : new DefinitionProblem("workflow-unknown",
                    $"Activity '{node.DisplayName}' (id {node.Id}) uses workflow '{node.Type}' (definition {definitionId}), which is not " +
                    "known here: " +
                    "import it first (or validate the files together).", path + ".workflowDefinitionId", node.Id, node.Type));
            return null;
        }
        if (!reference.IsPublished)
            problems.Add(new DefinitionProblem("workflow-unpublished",
                $"Activity '{node.DisplayName}' (id {node.Id}) uses workflow '{reference.Name ?? reference.DefinitionId}' (definition " +
                $"{reference.DefinitionId}), " +
                "which has no published version: its latest version runs until one is published.", path, node.Id,
                node.Type) { IsWarning = true });
        return reference;
    }

    private void ValidateInputs(ActivityNode node, ActivityDescriptor descriptor, string path, List<DefinitionProblem> problems)
    {
        foreach (var input in descriptor.Inputs)
        {
            var raw = node.GetProperty(input.Name);
            var inputPath = $"{path}.{char.ToLowerInvariant(input.Name[0])}{input.Name[1..]}";
            var binding = node.GetInput(input.Name);
            if (input.Required && IsEmpty(raw, binding) && input.DefaultValue is null)
                problems.Add(new DefinitionProblem("input-required",
                    $"Activity '{node.DisplayName}' (id {node.Id}) needs a value for input '{input.DisplayName}'.",
                    inputPath, node.Id, node.Type)
                {
                    // The studio saves an input nobody filled in as null; Elsa runs it with nothing.
                    IsWarning = node.Json.Any(p => string.Equals(p.Key, input.Name, StringComparison.OrdinalIgnoreCase)) && raw is null,
                });
            if (binding is not null && expressions.Validate(binding.Expression) is { } error)
                problems.Add(new DefinitionProblem("expression-invalid",
                    $"Activity '{node.DisplayName}' (id {node.Id}), input '{input.DisplayName}': {error}", inputPath, node.Id, node.Type));
        }
        if (node.Type == "Elsa.Cron" && Runtime.WorkflowTriggers.LiteralOf(node, "cronExpression") is { } cron)
        {
            try
            {
                Activities.Cron.Parse(cron);
            }
            catch (FormatException ex)
            {
                problems.Add(new DefinitionProblem("schedule-invalid", $"Activity '{node.DisplayName}' (id {node.Id}): {ex.Message}",
                    path + ".cronExpression", node.Id, node.Type));
            }
        }
        if (node.Type == "Elsa.FlowSwitch" && node.GetProperty("cases") is JsonArray cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i] is not JsonObject c || c["condition"] is not JsonObject condition) continue;
                var expression = new WorkflowExpression(WorkflowDefinitionDocument.Text(condition["type"]) ?? WorkflowExpression.JavaScript,
                    condition["value"]);
                if (expressions.Validate(expression) is { } error)
                    problems.Add(new DefinitionProblem("expression-invalid",
                        $"Activity '{node.DisplayName}' (id {node.Id}), case '{WorkflowDefinitionDocument.Text(c["label"])}': {error}",
                        $"{path}.cases[{i}].condition", node.Id, node.Type));
            }
        }
    }

    /// <summary>
    /// JavaScript that calls a function nobody defines (a misspelt accessor, a variable that is not declared) fails when it runs: say so
    /// now.
    /// </summary>
    private void CheckScripts(WorkflowDefinitionDocument document, Flowchart flowchart, Dictionary<string, IEnumerable<string>> outputs,
        List<DefinitionProblem> problems)
    {
        var known = new HashSet<string>(JavaScriptEvaluator.KnownFunctions, StringComparer.Ordinal);
        foreach (var variable in document.Variables.Where(v => ScriptAccessors.IsIdentifier(v.Name)))
            known.UnionWith([.. ScriptAccessors.VariableGetters(variable.Name), .. ScriptAccessors.VariableSetters(variable.Name)]);
        known.UnionWith(document.InputNames.Where(ScriptAccessors.IsIdentifier).Select(ScriptAccessors.InputGetter));
        foreach (var node in flowchart.Activities)
            foreach (var output in outputs.GetValueOrDefault(node.Id) ?? [])
                if (ScriptAccessors.IsIdentifier(output) && ScriptAccessors.IsIdentifier(node.DisplayName))
                    known.Add(ScriptAccessors.OutputGetter(output, node.DisplayName));

        foreach (var node in flowchart.Activities)
        {
            var path = flowchart.PathOf[node.Id];
            foreach (var (key, value) in node.Json)
            {
                if (value is not JsonObject wrapped || !InputBindingReader.TryRead(key, wrapped, out var binding)) continue;
                if (expressions.UndeclaredCalls(binding.Expression) is not { } calls) continue;
                foreach (var call in calls.Where(c => !known.Contains(c)).Order(StringComparer.Ordinal))
                    problems.Add(new DefinitionProblem("expression-function-unknown",
                        $"Activity '{node.DisplayName}' (id {node.Id}), input '{key}': JavaScript calls {call}(), which does not exist " +
                        "(variables, inputs and activity outputs have get…() accessors; see the README for the functions).",
                        $"{path}.{key}", node.Id, node.Type));
            }
        }
    }

    private static bool IsEmpty(JsonNode? raw, InputBinding? binding)
    {
        if (raw is null) return true;
        if (binding is null) return false;
        return binding.Expression.Value is null || (binding.Expression.Value is JsonValue v && v.TryGetValue<string>(out var s)
            && string.IsNullOrWhiteSpace(s));
    }

    private static void ReportUnreachable(JsonObject root, Flowchart flowchart, List<DefinitionProblem> problems)
    {
        var nodes = flowchart.Activities.ToArray();
        if (nodes.Length == 0) return;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++) index[nodes[i].Id] = i;
        var inbound = nodes.Select(_ => new List<Connection>()).ToArray();
        var outbound = nodes.Select(_ => new List<int>()).ToArray();
        foreach (var c in flowchart.Connections)
        {
            if (!index.TryGetValue(c.SourceId, out var s) || !index.TryGetValue(c.TargetId, out var t)) continue;
            inbound[t].Add(c);
            outbound[s].Add(t);
        }
        var start = Execution.WorkflowCompiler.FindStart(root, nodes, inbound, index);
        var seen = new bool[nodes.Length];
        var stack = new Stack<int>([start]);
        seen[start] = true;
        while (stack.Count > 0)
            foreach (var next in outbound[stack.Pop()])
                if (!seen[next]) { seen[next] = true; stack.Push(next); }
        for (var i = 0; i < nodes.Length; i++)
        {
            // A trigger that can start the workflow is an entry of its own.
            if (seen[i] || Runtime.WorkflowTriggers.CanStartWorkflow(nodes[i])) continue;
            problems.Add(new DefinitionProblem("activity-unreachable",
                $"Activity '{nodes[i].DisplayName}' (id {nodes[i].Id}) cannot be reached from the start activity " +
                $"'{nodes[start].DisplayName}'; it never runs.",
                flowchart.PathOf[nodes[i].Id], nodes[i].Id, nodes[i].Type) { IsWarning = true });
        }
    }
}
