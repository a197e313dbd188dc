namespace Approvals.Engine.Models;

/// <summary>
/// Outbox kinds the engine delivers itself after commit (the rest, mail, go to the outbox dispatcher). Each is written in the
/// transaction of the state change that causes it, so a crash between commit and delivery only delays it: the sweep claims it.
/// </summary>
public static class EngineMessageKinds
{
    /// <summary>An event published by <c>Elsa.PublishEvent</c>.</summary>
    public const string Event = "event";

    /// <summary>Start another workflow (a child the activity may wait for, or a dispatched one).</summary>
    public const string StartWorkflow = "workflow.start";

    /// <summary>A child finished: resume the parent's bookmark with its output and outcomes.</summary>
    public const string WorkflowFinished = "workflow.finished";

    /// <summary>Cancel a child whose parent branch was cancelled.</summary>
    public const string CancelWorkflow = "workflow.cancel";

    /// <summary>The bookmark a parent waits on, keyed by the child's instance id.</summary>
    public const string ChildBookmark = "Elsa.ChildWorkflow";

    public static readonly string[] All = [Event, StartWorkflow, WorkflowFinished, CancelWorkflow];

    public static bool IsEngine(string kind) => Array.IndexOf(All, kind) >= 0;
}
