using System.Text.Json.Nodes;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>
/// What activities that run children share: cancelling a child with the branch that waits for it, and the items a loop runs its body for.
/// </summary>
internal static class ChildRuns
{
    public static ValueTask Cancel(ActivityExecutionContext context, Bookmark bookmark)
    {
        if (bookmark.Name == EngineMessageKinds.ChildBookmark && bookmark.Payload?["childInstanceId"] is JsonValue child)
            context.CancelWorkflow(child.GetValue<string>());
        return ValueTask.CompletedTask;
    }

    /// <summary>The items as a JSON array (a list, a JSON text of one, or a single value).</summary>
    public static JsonArray Items(object? items) => Expressions.ValueConverter.ToJsonNodeReadingText<JsonArray>(items) switch
    {
        null => [],
        JsonArray list => list,
        var single => [single.DeepClone()],
    };

    public static JsonObject Loop(JsonNode? item, int index) => new() { ["CurrentValue"] = item?.DeepClone(), ["CurrentIndex"] = index };
}
