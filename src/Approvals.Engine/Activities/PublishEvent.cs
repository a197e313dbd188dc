using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// Publishes an event: a local event resumes this instance's <c>Elsa.Event</c> bookmarks; otherwise every instance's, after commit.
/// </summary>
[Activity("Elsa", "PublishEvent", "Primitives", DisplayName = "Publish Event",
    Description = "Publishes an event that resumes waiting Event activities.")]
public sealed class PublishEvent : Activity
{
    [Input(Description = "The event name.", Required = true)] public string EventName { get; set; } = "";
    [Input(Description = "Only instances with this correlation id receive it.")] public string? CorrelationId { get; set; }
    [Input(Description = "Only this workflow instance receives it.")] public bool IsLocal { get; set; }
    [Input(Description = "Data carried by the event.")] public object? Payload { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.PublishEvent(EventName, CorrelationId, Expressions.ValueConverter.ToJsonNode(Payload), IsLocal);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
