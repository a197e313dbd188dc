using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities;

/// <summary>Completes the workflow with outcomes: a parent using it as an activity continues along them.</summary>
[Activity("Elsa", "Complete", "Primitives", DisplayName = "Complete", Description = "Completes the workflow with the given outcomes.")]
[FlowNode]
public sealed class Complete : Activity
{
    [Input(Description = "One outcome, or a list of them.", UIHint = UIHints.OutcomePicker)]
    public object? Outcomes { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow(Read(Outcomes));
        return ValueTask.CompletedTask;
    }

    private static string[] Read(object? value) => ValueConverter.ToJsonNodeReadingText<JsonArray>(value) switch
    {
        null => [],
        JsonArray list => list.Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : o?.ToJsonString())
            .OfType<string>().ToArray(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        var other => [other.ToJsonString()],
    };
}
