using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>Runs its body once per item, one after the other (each run sees CurrentValue and CurrentIndex).</summary>
[Activity("Elsa", "ForEach", "Looping", DisplayName = "For Each", Description = "Runs its body for each item in turn.")]
public sealed class ForEach : BodyLoop
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = ChildRuns.Items(Items);
        context.ExecutionState["items"] = items.DeepClone();
        return Next(context, 0);
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context) =>
        Next(context, (context.ExecutionState["index"]?.GetValue<int>() ?? 0) + 1);

    private static ValueTask Next(ActivityExecutionContext context, int index)
    {
        var items = context.ExecutionState["items"] as System.Text.Json.Nodes.JsonArray ?? [];
        if (index >= items.Count || context.Node.Body is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        context.ExecutionState["index"] = index;
        context.StartBody(ChildRuns.Loop(items[index], index));
        return ValueTask.CompletedTask;
    }
}
