using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>Continues along the port of the first (or every) case whose condition holds, else <c>Default</c>.</summary>
[Activity("Elsa", "FlowSwitch", "Branching", DisplayName = "Switch", Description = "Continues along the ports of matching cases.")]
public sealed class FlowSwitch : Activity, IDynamicPorts
{
    [Input(Description = "The cases, in order.", UIHint = UIHints.FlowSwitchEditor, IsWrapped = false)]
    public List<SwitchCase> Cases { get; set; } = [];

    [Input(Description = "MatchFirst runs only the first matching case; MatchAny runs every matching case.",
        Options = ["MatchFirst", "MatchAny"], DefaultValue = "MatchFirst")]
    public string Mode { get; set; } = "MatchFirst";

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matched = new List<string>();
        foreach (var @case in Cases)
        {
            if (@case.Condition is null) continue;
            if (!await context.EvaluateAsync<bool>(@case.Condition.ToExpression())) continue;
            matched.Add(@case.Label);
            if (!string.Equals(Mode, "MatchAny", StringComparison.OrdinalIgnoreCase)) break;
        }
        if (matched.Count == 0) matched.Add("Default");
        context.Complete([.. matched]);
    }

    public IReadOnlyList<string> GetPorts(ActivityNode node)
    {
        var ports = new List<string>();
        if (node.GetProperty("cases") is JsonArray cases)
            foreach (var c in cases.OfType<JsonObject>())
                if (c["label"] is JsonValue v && v.TryGetValue<string>(out var label) && !ports.Contains(label)) ports.Add(label);
        ports.Add("Default");
        return ports;
    }
}
