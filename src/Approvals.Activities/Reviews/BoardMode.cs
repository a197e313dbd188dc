namespace Approvals.Activities.Reviews;

/// <summary>How a board's votes decide its outcome.</summary>
public enum BoardMode
{
    /// <summary>Every member approves; one rejection rejects.</summary>
    All,

    /// <summary>One approval approves.</summary>
    Any,

    /// <summary>N approvals approve.</summary>
    Quorum,

    /// <summary>A share of the members approving approves.</summary>
    Percentage,

    /// <summary>More than half of the votes cast, once at least the quorum has voted.</summary>
    Majority,
}
