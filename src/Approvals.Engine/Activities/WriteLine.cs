using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

[Activity("Elsa", "WriteLine", "Console", DisplayName = "Write Line", Description = "Writes a line of text to the host's log.")]
public sealed class WriteLine : Activity
{
    [Input(Description = "The text to write.")] public string? Text { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.WorkflowContext.Result.OutputLines.Add(Text ?? "");
        context.Log("Output", Text ?? "");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
