namespace Approvals.Engine.Runtime;

/// <summary>
/// What a stimulus reached. <see cref="Matched"/> is zero when no bookmark waited for it: the caller is told, nothing is queued silently.
/// </summary>
public sealed record StimulusResult(int Matched, IReadOnlyList<WorkflowRunResult> Resumed)
{
    public bool NoMatch => Matched == 0;
}
