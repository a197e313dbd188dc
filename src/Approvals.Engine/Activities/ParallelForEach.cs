using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>
/// Runs its body once per item, all at once (each run sees CurrentValue and CurrentIndex), and continues when every run has finished.
/// </summary>
[Activity("Elsa", "ParallelForEach", "Looping", DisplayName = "Parallel For Each",
    Description = "Runs its body for each item in parallel.")]
public sealed class ParallelForEach : BodyLoop
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = ChildRuns.Items(Items);
        if (items.Count == 0 || context.Node.Body is null)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        for (var i = 0; i < items.Count; i++) context.StartBody(ChildRuns.Loop(items[i], i));
        return ValueTask.CompletedTask;
    }

    /// <summary>One run finished; the activity completes with the last.</summary>
    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        if (!context.PendingBookmarks.Any(b => b.Name == Models.EngineMessageKinds.ChildBookmark)) context.Complete();
        return ValueTask.CompletedTask;
    }
}
