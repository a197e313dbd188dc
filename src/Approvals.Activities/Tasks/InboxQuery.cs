namespace Approvals.Activities.Tasks;

/// <summary>What a reviewer asks of their inbox: a tab, filters, a search text, an order and a page.</summary>
public sealed record InboxQuery
{
    public InboxScope Scope { get; init; } = InboxScope.All;
    public bool? Overdue { get; init; }

    /// <summary>Only tasks of requests of this type (its code, e.g. <c>courtesy</c>).</summary>
    public string? RequestType { get; init; }

    /// <summary>Only tasks of this stage (the activity id, e.g. <c>protocol</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>Only tasks of requests filed by this unit.</summary>
    public string? UnitId { get; init; }

    /// <summary>Due no later than this.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Words to find in the title or the request number.</summary>
    public string? Search { get; init; }

    public InboxSort Sort { get; init; } = InboxSort.Due;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public const int MaxPageSize = 500;

    /// <summary>The longest search text read (a longer one is cut there): a request number or a few words of a title.</summary>
    public const int MaxSearchLength = 200;
}

public enum InboxScope
{
    Mine,
    Candidate,
    All,
}

/// <summary>Inbox orders: overdue first then nearest due date (the default), newest or oldest first, or by title.</summary>
public enum InboxSort
{
    Due,
    Newest,
    Created,
    Title,
}

/// <summary>One page of the inbox and how many tasks match in all.</summary>
public sealed record InboxPage(IReadOnlyList<HumanTask> Items, int Total, int Page, int PageSize);

/// <summary>The numbers on the inbox's tabs.</summary>
public sealed record InboxCounts(int Mine, int Candidate, int Overdue)
{
    public int All => Mine + Candidate;
}
