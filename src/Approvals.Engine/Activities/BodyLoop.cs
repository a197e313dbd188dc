using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities;

/// <summary>A loop that runs its body, as a child instance, for each of its items (each run sees CurrentValue and CurrentIndex).</summary>
public abstract class BodyLoop : Activity, IContainsBody
{
    [Input(Description = "The items (a list, or JavaScript that returns one).", UIHint = UIHints.MultiText)]
    public object? Items { get; set; }

    public override ValueTask CancelAsync(ActivityExecutionContext context, Models.Bookmark bookmark) =>
        ChildRuns.Cancel(context, bookmark);
}
