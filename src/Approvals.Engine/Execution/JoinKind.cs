namespace Approvals.Engine.Execution;

/// <summary>How a node with several inbound connections treats arriving tokens (Elsa's merge modes).</summary>
public enum JoinKind
{
    /// <summary>Runs once per arriving token: Elsa's Cascade, and every node with one forward inbound connection.</summary>
    None,

    /// <summary>
    /// Elsa's default (Stream, or no merge mode): runs when a token arrives unless another forward inbound source is still running or
    /// waiting, in which case it runs once when that one delivers too. Untaken branches never block it.
    /// </summary>
    Stream,

    /// <summary>Waits for every inbound branch that can still deliver; untaken branches do not block (FlowJoin WaitAll).</summary>
    WaitActive,

    /// <summary>
    /// Waits for a token on every forward inbound connection, taken or not; loop-back connections do not count (Elsa's Merge).
    /// </summary>
    Merge,

    /// <summary>Waits for a token on every inbound connection (Elsa's Converge, the strictest).</summary>
    Converge,

    /// <summary>
    /// Runs on the first token and cancels the other inbound branches and their bookmarks (Elsa's Race, FlowJoin WaitAny).
    /// </summary>
    Race,
}
