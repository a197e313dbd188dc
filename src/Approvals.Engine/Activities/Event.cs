using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Waits for a named event (published by <c>Elsa.PublishEvent</c> or through the API).</summary>
[Activity("Elsa", "Event", "Primitives", DisplayName = "Event", Description = "Waits for an event with the given name.",
    Kind = ActivityKind.Trigger)]
public sealed class Event : Activity
{
    public const string BookmarkName = "Elsa.Event";
    public const string TypeName = "Elsa.Event";

    [Input(Description = "The event name to wait for.", Required = true)]
    public string EventName { get; set; } = "";

    [Output(Description = "The payload the event carried.")]
    public object? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        // The event started this instance: it has happened already.
        if (context.IsTriggerStart) return ResumeAsync(context);
        context.CreateBookmark(BookmarkName, EventName, new System.Text.Json.Nodes.JsonObject { ["eventName"] = EventName });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        Result = context.ResumeInput?["payload"]?.DeepClone();
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
