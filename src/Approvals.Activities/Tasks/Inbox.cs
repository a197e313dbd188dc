using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Approvals.Activities.Contracts;
using Approvals.Activities.Persistence;
using Approvals.Engine.Options;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tasks;

/// <summary>
/// Which open tasks a user sees: their own (and their principals' when they are a proxy), and those offered to their roles
/// (and, for a proxy, to the roles of the principals it covers). Each of those is one part read in order off an index
/// (a role's part off the candidates' order columns), filtered and paged in the database; a tab of several parts merges
/// their first pages. So a page costs the same with a hundred open tasks or a hundred thousand.
/// </summary>
public sealed class Inbox(ApprovalsDbContextFactory factory, IUserDirectory directory, TimeProvider clock)
{
    /// <summary>The first <paramref name="take"/> tasks of a tab, in the default order.</summary>
    public async Task<IReadOnlyList<HumanTask>> ListAsync(
        string userId, InboxScope scope, bool? overdue = null, int take = 200, CancellationToken cancellationToken = default) =>
        (await QueryAsync(userId, new InboxQuery { Scope = scope, Overdue = overdue, PageSize = take }, cancellationToken)).Items;

    public async Task<InboxPage> QueryAsync(string userId, InboxQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, InboxQuery.MaxPageSize);
        if (query.Search?.Length > InboxQuery.MaxSearchLength) query = query with { Search = query.Search[..InboxQuery.MaxSearchLength] };
        var page = Math.Max(1, query.Page);
        await using var db = factory.Create();
        var numbered = await NumberedAsync(db, query.Search, cancellationToken);
        var titled = numbered is null && !string.IsNullOrWhiteSpace(query.Search)
            ? await TitledAsync(db, query.Search, cancellationToken)
            : null;
        var parts = (await PartsAsync(db, userId, query.Scope, cancellationToken))
            .Select(p => Filter(p, query, numbered, titled)).ToList();
        if (parts.Count == 0) return new InboxPage([], 0, page, pageSize);
        if (parts.Count == 1)
        {
            var only = parts[0];
            var total = await CountOfAsync(only, cancellationToken);
            var items = await Order(only.Rows, query.Sort).Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Task)
                .ToListAsync(cancellationToken);
            return new InboxPage(items, total, page, pageSize);
        }
        // Each part's rows up to the end of the page asked for, in order, merged in the same order.
        var rows = new List<InboxRow>();
        foreach (var part in parts)
            rows.AddRange(await Order(part.Rows, query.Sort).Take(page * pageSize).ToListAsync(cancellationToken));
        var merged = rows.DistinctBy(r => r.Task.Id).OrderBy(r => r, Comparer(query.Sort))
            .Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Task).ToList();
        // The parts do not overlap (a role's part leaves out what an earlier role's part has), so their counts add up.
        var count = 0;
        foreach (var part in parts) count += await CountOfAsync(part, cancellationToken);
        return new InboxPage(merged, count, page, pageSize);
    }

    /// <summary>How many open tasks are on each tab, and how many of all are overdue.</summary>
    public async Task<InboxCounts> CountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var mine = await TotalAsync(db, userId, new InboxQuery { Scope = InboxScope.Mine }, cancellationToken);
        var offered = await TotalAsync(db, userId, new InboxQuery { Scope = InboxScope.Candidate }, cancellationToken);
        var overdue = await TotalAsync(db, userId, new InboxQuery { Scope = InboxScope.All, Overdue = true }, cancellationToken);
        return new InboxCounts(mine, offered, overdue);
    }

    /// <summary>How many tasks a tab with filters (but no search) holds, without reading any.</summary>
    private async Task<int> TotalAsync(ApprovalsDbContext db, string userId, InboxQuery query, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var part in await PartsAsync(db, userId, query.Scope, cancellationToken))
            count += await CountOfAsync(Filter(part, query, null, null), cancellationToken);
        return count;
    }

    private static Task<int> CountOfAsync(Part part, CancellationToken cancellationToken) =>
        part.Candidates is { } candidates ? candidates.CountAsync(cancellationToken) : part.Rows.CountAsync(cancellationToken);

    /// <summary>The parts a tab is made of: the user's own tasks, and one part per role whose tasks the user is offered.</summary>
    private async Task<List<Part>> PartsAsync(ApprovalsDbContext db, string userId, InboxScope scope, CancellationToken cancellationToken)
    {
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is null) return [];
        var now = clock.GetUtcNow();
        var proxies = await db.Proxies.AsNoTracking().Where(p => p.SubstituteId == userId && p.From <= now && p.To > now)
            .ToListAsync(cancellationToken);
        var me = proxies.Select(p => p.PrincipalId).Append(userId).Distinct().ToList();
        var open = db.Tasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed);
        // The same tasks, asked so that no index serves the status: a few tasks picked by id or request are then read by
        // that key (SQLite, without statistics, would read every open task off the index of open tasks and pick among them).
        var picked = db.Tasks.AsNoTracking().Where(t => t.Status != HumanTaskStatus.Completed && t.Status != HumanTaskStatus.Cancelled);

        if (scope == InboxScope.All && user.Roles.Contains("admin")) return [Own(open, picked, t => true)];
        var parts = new List<Part>();
        // Assigned and claimed are two parts, each on its own index (a task with an assignee is never claimed).
        if (scope != InboxScope.Candidate)
        {
            parts.Add(Own(open, picked, t => me.Contains(t.AssigneeId!)));
            parts.Add(Own(open, picked, t => t.AssigneeId == null && me.Contains(t.ClaimedBy!)));
        }
        if (scope == InboxScope.Mine) return parts;

        var earlier = new List<string>();
        foreach (var role in user.Roles.Order(StringComparer.Ordinal))
        {
            parts.Add(Offered(db, open, picked, role, user.UnitId, null, [.. earlier]));
            earlier.Add(role);
        }
        // A proxy also sees what their principals' roles are offered (for the workflows the proxies cover): they may decide
        // it for them. Proxies that reach the same role (of the same unit) are one part covering what any of them covers.
        var offered = new Dictionary<(string Role, string? Unit), HashSet<string>?>();
        foreach (var proxy in proxies)
            if (await directory.FindAsync(proxy.PrincipalId, cancellationToken) is { } principal)
                foreach (var role in principal.Roles.Where(r => !user.Roles.Contains(r)))
                {
                    var key = (role, principal.UnitId);
                    var covered = offered.TryGetValue(key, out var known) ? known : [];
                    offered[key] = covered is null || proxy.DefinitionIds.Count == 0 ? null : [.. covered, .. proxy.DefinitionIds];
                }
        foreach (var ((role, unit), definitions) in offered.OrderBy(o => o.Key.Role, StringComparer.Ordinal))
        {
            parts.Add(Offered(db, open, picked, role, unit, definitions?.ToList(), [.. earlier]));
            earlier.Add(role);
        }
        return parts;
    }

    private static Part Own(IQueryable<HumanTask> open, IQueryable<HumanTask> picked, Expression<Func<HumanTask, bool>> whose) =>
        new(Rows(open.Where(whose)), null, which => Rows(picked.Where(whose).Where(which)));

    private static IQueryable<InboxRow> Rows(IQueryable<HumanTask> tasks) =>
        tasks.Select(t => new InboxRow
        {
            Task = t, TaskId = t.Id, Urgency = t.IsOverdue ? 0 : 1, DueSort = t.DueAt ?? DateTimeOffset.MaxValue, CreatedAt = t.CreatedAt,
        });

    /// <summary>
    /// The tasks offered to one role (for one unit), read off the candidates' inbox index in inbox order, leaving out those
    /// offered to an <paramref name="earlier"/> role of the same tab (they are in that role's part).
    /// </summary>
    /// <param name="definitions">The workflows a proxy covers; null for all.</param>
    private static Part Offered(
        ApprovalsDbContext db, IQueryable<HumanTask> open, IQueryable<HumanTask> picked, string role, string? unitId,
        List<string>? definitions, List<string> earlier)
    {
        var candidates = db.TaskCandidates.AsNoTracking()
            .Where(c => c.IsOpen && c.Role == role && (c.UnitId == null || c.UnitId == unitId));
        if (earlier.Count > 0)
            candidates = candidates.Where(c => !db.TaskCandidates.Any(o => o.TaskId == c.TaskId && o.IsOpen && earlier.Contains(o.Role)));
        IQueryable<InboxRow> Read(IQueryable<TaskCandidate> offered) =>
            from c in offered
            join t in open on c.TaskId equals t.Id
            select new InboxRow { Task = t, TaskId = c.TaskId, Urgency = c.Urgency, DueSort = c.DueSort, CreatedAt = c.CreatedAt };
        // For a few tasks (some requests', a search's), start from them and ask whether this role is offered each.
        Func<Expression<Func<HumanTask, bool>>, IQueryable<InboxRow>> among =
            which => Rows(picked.Where(which).Where(t => candidates.Any(c => c.TaskId == t.Id)));
        if (definitions is null) return new Part(Read(candidates), candidates, among, Read);
        return new Part(Read(candidates).Where(r => definitions.Contains(r.Task.DefinitionId)), null,
            which => among(which).Where(r => definitions.Contains(r.Task.DefinitionId)));
    }

    /// <summary>The requests whose number starts with the search text (through the number's index), when there are any.</summary>
    private static async Task<List<string>?> NumberedAsync(ApprovalsDbContext db, string? search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search)) return null;
        var text = search.Trim();
        var upper = text + "\uffff";
        var ids = await db.Requests.AsNoTracking().Where(q => string.Compare(q.Number, text) >= 0 && string.Compare(q.Number, upper) < 0)
            .Select(q => q.Id).Take(InboxQuery.MaxPageSize).ToListAsync(cancellationToken);
        return ids.Count > 0 ? ids : null;
    }

    private static Part Filter(Part part, InboxQuery query, List<string>? numbered, Titled? titled)
    {
        var (rows, candidates, among, read) = part;
        if (candidates is not null) candidates = Filtered(candidates, query);
        // A request number asked for: only those requests' tasks are read.
        if (numbered is not null) rows = Filtered(among(t => numbered.Contains(t.RequestId!)), query);
        // Words of the title: a few tasks found are read themselves; many are picked from the part in its order.
        else if (titled?.Few is { } few) rows = Filtered(among(t => few.Contains(t.Id)), query);
        else
        {
            // A role's part is read off its candidates filtered on their own columns: when few tasks pass a filter, the walk
            // stays on the candidates' index instead of reading every task it passes (a unit without open tasks: 224 -> 15 ms).
            rows = candidates is not null && read is not null ? read(candidates) : Filtered(rows, query);
            if (titled?.Many is { } many) rows = rows.Where(r => many.Contains(r.TaskId));
        }
        // A search is counted through the rows it found.
        if (!string.IsNullOrWhiteSpace(query.Search)) candidates = null;
        return new Part(rows, candidates, among, read);
    }

    private static string? Given(string? filter) => string.IsNullOrWhiteSpace(filter) ? null : filter;

    /// <summary>The query's filters on a part's rows, through the tasks' own columns.</summary>
    private static IQueryable<InboxRow> Filtered(IQueryable<InboxRow> rows, InboxQuery query)
    {
        if (query.Overdue is { } overdue)
        {
            var urgency = overdue ? 0 : 1;
            rows = rows.Where(r => r.Urgency == urgency);
        }
        if (query.DueBefore is { } due) rows = rows.Where(r => r.DueSort <= due);
        if (Given(query.RequestType) is { } type) rows = rows.Where(r => r.Task.RequestType == type);
        if (Given(query.Stage) is { } stage) rows = rows.Where(r => r.Task.ActivityId == stage);
        if (Given(query.UnitId) is { } unit) rows = rows.Where(r => r.Task.RequestUnitId == unit);
        return rows;
    }

    /// <summary>The same filters on a role's candidate rows, which carry copies of those columns in their inbox indexes.</summary>
    private static IQueryable<TaskCandidate> Filtered(IQueryable<TaskCandidate> candidates, InboxQuery query)
    {
        if (query.Overdue is { } overdue)
        {
            var urgency = overdue ? 0 : 1;
            candidates = candidates.Where(c => c.Urgency == urgency);
        }
        if (query.DueBefore is { } due) candidates = candidates.Where(c => c.DueSort <= due);
        if (Given(query.RequestType) is { } type) candidates = candidates.Where(c => c.RequestType == type);
        if (Given(query.Stage) is { } stage) candidates = candidates.Where(c => c.Stage == stage);
        if (Given(query.UnitId) is { } unit) candidates = candidates.Where(c => c.RequestUnitId == unit);
        return candidates;
    }

    /// <summary>
    /// The open tasks with every word of <paramref name="search"/> in their title, found through the full-text index of the
    /// titles' terms (<see cref="TitleTerms"/>): FTS5 on SQLite, a text-search index on PostgreSQL. None when it has no letters.
    /// Up to <see cref="FewMatches"/> are read as a list, so each part reads just those tasks; past that, the part is read in
    /// its order and each task looked up among the matches, which soon fills a page when most tasks match.
    /// </summary>
    private async Task<Titled> TitledAsync(ApprovalsDbContext db, string search, CancellationToken cancellationToken)
    {
        var phrases = TitleTerms.Phrases(search);
        if (phrases.Count == 0) return new Titled([], null);
        var matches = factory.Provider == DatabaseProvider.PostgreSql
            ? db.Database.SqlQuery<string>($"""
                SELECT "Id" AS "Value" FROM "Tasks"
                WHERE "Status" IN ('Open', 'Claimed')
                    AND to_tsvector('simple', "SearchTerms") @@ to_tsquery('simple', {TitleTerms.PostgresQuery(phrases)})
                """)
            : db.Database.SqlQuery<string>(SqliteTitleMatches(phrases));
        var few = await matches.Take(FewMatches + 1).ToListAsync(cancellationToken);
        return few.Count <= FewMatches ? new Titled(few, null) : new Titled(null, matches);
    }

    private const int FewMatches = 500;

    /// <summary>
    /// What the FTS5 index finds, and what is still queued for it (<see cref="TitleIndex"/>): a queued task's terms hold each
    /// phrase as its terms with a space either side, just as the index holds the phrase as terms one after another. A task queued
    /// to leave the index (closed, or retitled) is found only by what was queued after that.
    /// </summary>
    private static FormattableString SqliteTitleMatches(IReadOnlyList<IReadOnlyList<string>> phrases)
    {
        var arguments = new List<object?> { TitleTerms.SqliteMatch(phrases) };
        var queued = string.Concat(phrases.Select((phrase, i) =>
        {
            arguments.Add(" " + string.Join(' ', phrase) + " ");
            return $$""" AND instr(' ' || "q"."Terms" || ' ', {{{i + 1}}}) > 0""";
        }));
        return FormattableStringFactory.Create($$"""
            SELECT "found"."Id" AS "Value" FROM "TaskSearch" JOIN "Tasks" AS "found" ON "found"."rowid" = "TaskSearch"."rowid"
            WHERE "TaskSearch" MATCH {0} AND "found"."rowid" NOT IN (SELECT "TaskRowId" FROM "TaskSearchQueue" WHERE NOT "Adds")
            UNION
            SELECT "queued"."Id" AS "Value" FROM "TaskSearchQueue" AS "q" JOIN "Tasks" AS "queued" ON "queued"."rowid" = "q"."TaskRowId"
            WHERE "q"."Adds"{{queued}} AND NOT EXISTS (
                SELECT 1 FROM "TaskSearchQueue" AS "later"
                WHERE "later"."TaskRowId" = "q"."TaskRowId" AND "later"."Id" > "q"."Id" AND NOT "later"."Adds")
            """, [.. arguments]);
    }

    /// <summary>The tasks a title search found: a short list, or a query for many.</summary>
    private sealed record Titled(List<string>? Few, IQueryable<string>? Many);

    private static IQueryable<InboxRow> Order(IQueryable<InboxRow> rows, InboxSort sort) => sort switch
    {
        InboxSort.Newest => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.TaskId),
        InboxSort.Created => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.TaskId),
        InboxSort.Title => rows.OrderBy(r => r.Task.Title).ThenBy(r => r.CreatedAt),
        // Overdue first, then the nearest due date (tasks without one last), then the oldest: the candidates' index order.
        _ => rows.OrderBy(r => r.Urgency).ThenBy(r => r.DueSort).ThenBy(r => r.CreatedAt).ThenBy(r => r.TaskId),
    };

    /// <summary>
    /// One source of a tab's tasks; <see cref="Candidates"/> counts it without reading the tasks, when no filter needs them.
    /// </summary>
    /// <remarks>
    /// <see cref="Among"/> gives the same part limited to the tasks a condition picks (some requests', or those a search
    /// found), read from those tasks rather than off the part's order: for a few tasks among many. <see cref="Read"/> reads a
    /// role's part from its candidates once they are filtered.
    /// </remarks>
    private sealed record Part(
        IQueryable<InboxRow> Rows,
        IQueryable<TaskCandidate>? Candidates,
        Func<Expression<Func<HumanTask, bool>>, IQueryable<InboxRow>> Among,
        Func<IQueryable<TaskCandidate>, IQueryable<InboxRow>>? Read = null);

    private static IComparer<InboxRow> Comparer(InboxSort sort) => Comparer<InboxRow>.Create(sort switch
    {
        InboxSort.Newest => (a, b) => Then(b.CreatedAt.CompareTo(a.CreatedAt), () => string.CompareOrdinal(b.Task.Id, a.Task.Id)),
        InboxSort.Created => (a, b) => Then(a.CreatedAt.CompareTo(b.CreatedAt), () => string.CompareOrdinal(a.Task.Id, b.Task.Id)),
        InboxSort.Title => (a, b) => Then(string.CompareOrdinal(a.Task.Title, b.Task.Title), () => a.CreatedAt.CompareTo(b.CreatedAt)),
        _ => (a, b) => Then(a.Urgency.CompareTo(b.Urgency), () => Then(a.DueSort.CompareTo(b.DueSort),
            () => Then(a.CreatedAt.CompareTo(b.CreatedAt), () => string.CompareOrdinal(a.Task.Id, b.Task.Id)))),
    });

    private static int Then(int first, Func<int> next) => first != 0 ? first : next();

    /// <summary>A task with the keys the inbox orders by.</summary>
    private sealed class InboxRow
    {
        public required HumanTask Task { get; init; }

        /// <summary>
        /// The task's id as the row's own source has it (the candidate's, for a role's part), so the order stays on the index.
        /// </summary>
        public required string TaskId { get; init; }
        public int Urgency { get; init; }
        public DateTimeOffset DueSort { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
