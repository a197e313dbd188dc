using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Sets the instance's correlation id (events and stimuli can then be aimed at it).</summary>
[Activity("Elsa", "Correlate", "Primitives", DisplayName = "Correlate", Description = "Sets the correlation id of the workflow instance.")]
public sealed class Correlate : Activity
{
    [Input(DisplayName = "Correlation id", Description = "The correlation id to set.")]
    public string? CorrelationId { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetCorrelationId(CorrelationId);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
