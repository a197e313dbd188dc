using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>Runs a script in the sandboxed JavaScript engine; its value is the activity's result.</summary>
[Activity("Elsa", "RunJavaScript", "Scripting", DisplayName = "Run JavaScript",
    Description = "Runs JavaScript (sandboxed) and keeps its value as the result.")]
public sealed class RunJavaScript : Activity
{
    [Input(Description = "The script; the value of its last statement or its return is the result.",
        UIHint = UIHints.CodeEditor, IsWrapped = true)]
    public string? Script { get; set; }

    [Output(Description = "The script's value.")]
    public object? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (!string.IsNullOrWhiteSpace(Script))
            Result = await context.EvaluateAsync(new WorkflowExpression(WorkflowExpression.JavaScript,
                System.Text.Json.Nodes.JsonValue.Create(Script)), typeof(object));
        context.Complete();
    }
}
