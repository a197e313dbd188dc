namespace Approvals.Engine.Execution;

/// <summary>How a node with several inbound connections treats arriving tokens.</summary>
public enum JoinKind
{
    /// <summary>Runs once per arriving token (Elsa's Stream / Cascade, and every node with one inbound connection).</summary>
    None,

    /// <summary>Waits for every inbound branch that can still deliver; untaken branches do not block (Elsa's Merge, FlowJoin WaitAll, and the implicit join).</summary>
    Merge,

    /// <summary>Waits for a token on every inbound connection, taken or not (Elsa's Converge).</summary>
    Converge,

    /// <summary>Runs on the first token and cancels the other inbound branches and their bookmarks (Elsa's Race, FlowJoin WaitAny).</summary>
    Race,
}
