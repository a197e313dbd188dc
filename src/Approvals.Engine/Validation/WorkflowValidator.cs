using System.Text.Json.Nodes;
using Approvals.Engine.Activities;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Validation;

/// <summary>
/// Finds every problem of a definition in one pass: unknown activity types, dangling connections, ports an
/// activity lacks, missing required inputs, unreachable activities, and expressions that do not parse.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry, ExpressionEvaluator expressions)
{
    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinitionDocument document)
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
        if (rootType != "Elsa.Flowchart")
            problems.Add(new DefinitionProblem("root-type", $"The root activity must be an Elsa.Flowchart, not '{rootType ?? "(none)"}'.", "root.type"));

        var flowchart = Models.Flowchart.Read(root, "root", problems);
        var descriptors = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var node in flowchart.Activities)
        {
            var path = flowchart.PathOf[node.Id];
            var descriptor = registry.Find(node.Type);
            if (descriptor is null)
            {
                problems.Add(new DefinitionProblem("activity-type-unknown",
                    $"Activity '{node.DisplayName}' (id {node.Id}) has type '{node.Type}', which this engine does not support.", path + ".type", node.Id, node.Type));
                continue;
            }
            if (descriptor.IsContainer)
            {
                problems.Add(new DefinitionProblem("activity-nested-flowchart",
                    $"Activity '{node.DisplayName}' (id {node.Id}) is a nested flowchart; only the root may be a flowchart.", path, node.Id, node.Type));
                continue;
            }
            descriptors[node.Id] = descriptor;
            ValidateInputs(node, descriptor, path, problems);
        }

        var ids = flowchart.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var connection in flowchart.Connections)
        {
            var path = $"root.connections[{connection.Index}]";
            var sourceKnown = ids.TryGetValue(connection.SourceId, out var source);
            var targetKnown = ids.ContainsKey(connection.TargetId);
            if (!sourceKnown)
                problems.Add(new DefinitionProblem("connection-source-missing", $"A connection starts at activity '{connection.SourceId}', which does not exist.", path + ".source"));
            if (!targetKnown)
                problems.Add(new DefinitionProblem("connection-target-missing", $"A connection ends at activity '{connection.TargetId}', which does not exist.", path + ".target"));
            if (sourceKnown && descriptors.TryGetValue(connection.SourceId, out var descriptor))
            {
                var ports = descriptor.PortsOf(source!);
                if (!ports.Contains(connection.SourcePort, StringComparer.Ordinal))
                    problems.Add(new DefinitionProblem("connection-port-unknown",
                        $"Activity '{source!.DisplayName}' (id {source.Id}, {source.Type}) has no port '{connection.SourcePort}'; its ports are {string.Join(", ", ports)}.",
                        path + ".source.port", source.Id, source.Type));
            }
            if (connection.TargetPort != "In")
                problems.Add(new DefinitionProblem("connection-target-port", $"A connection must end at the 'In' port, not '{connection.TargetPort}'.", path + ".target.port"));
        }

        ReportUnreachable(root, flowchart, problems);
        return problems;
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
                    $"Activity '{node.DisplayName}' (id {node.Id}) needs a value for input '{input.DisplayName}'.", inputPath, node.Id, node.Type));
            if (binding is not null && expressions.Validate(binding.Expression) is { } error)
                problems.Add(new DefinitionProblem("expression-invalid",
                    $"Activity '{node.DisplayName}' (id {node.Id}), input '{input.DisplayName}': {error}", inputPath, node.Id, node.Type));
        }
        if (node.Type == "Elsa.FlowSwitch" && node.GetProperty("cases") is JsonArray cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i] is not JsonObject c || c["condition"] is not JsonObject condition) continue;
                var expression = new WorkflowExpression(WorkflowDefinitionDocument.Text(condition["type"]) ?? WorkflowExpression.JavaScript, condition["value"]);
                if (expressions.Validate(expression) is { } error)
                    problems.Add(new DefinitionProblem("expression-invalid",
                        $"Activity '{node.DisplayName}' (id {node.Id}), case '{WorkflowDefinitionDocument.Text(c["label"])}': {error}", $"{path}.cases[{i}].condition", node.Id, node.Type));
            }
        }
    }

    private static bool IsEmpty(JsonNode? raw, InputBinding? binding)
    {
        if (raw is null) return true;
        if (binding is null) return false;
        return binding.Expression.Value is null || (binding.Expression.Value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));
    }

    private static void ReportUnreachable(JsonObject root, Models.Flowchart flowchart, List<DefinitionProblem> problems)
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
            if (!seen[i])
                problems.Add(new DefinitionProblem("activity-unreachable",
                    $"Activity '{nodes[i].DisplayName}' (id {nodes[i].Id}) cannot be reached from the start activity '{nodes[start].DisplayName}'.",
                    flowchart.PathOf[nodes[i].Id], nodes[i].Id, nodes[i].Type));
    }
}
