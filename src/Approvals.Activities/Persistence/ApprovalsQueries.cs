using System.Collections.Concurrent;
using System.Text.Json;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Approvals.Activities.Persistence;

/// <summary>
/// The reads every submission and decision makes, compiled once per model: Entity Framework then skips working out its
/// query cache key from the expression tree on each call (a measurable share of a decision's CPU).
/// </summary>
public static class ApprovalsQueries
{
    private static readonly PerModelQuery<Func<ApprovalsDbContext, string, CancellationToken, Task<HumanTask?>>> TaskQuery = new(() =>
        EF.CompileAsyncQuery((ApprovalsDbContext db, string id, CancellationToken _) =>
            db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id)));

    private static readonly PerModelQuery<Func<ApprovalsDbContext, string, CancellationToken, Task<TaskWithApplicant?>>>
        TaskWithApplicantQuery = new(() => EF.CompileAsyncQuery((ApprovalsDbContext db, string id, CancellationToken _) =>
            db.Tasks.AsNoTracking().Where(t => t.Id == id)
                .Select(t => new TaskWithApplicant(t,
                    db.Requests.Where(r => r.Id == t.RequestId).Select(r => r.ApplicantId).FirstOrDefault()))
                .FirstOrDefault()));

    private static readonly PerModelQuery<Func<ApprovalsDbContext, string, CancellationToken, Task<Request?>>> RequestQuery = new(() =>
        EF.CompileAsyncQuery((ApprovalsDbContext db, string id, CancellationToken _) =>
            db.Requests.AsNoTracking().FirstOrDefault(r => r.Id == id)));

    private static readonly PerModelQuery<Func<ApprovalsDbContext, string, string, CancellationToken, Task<bool>>> ApplicantQuery =
        new(() => EF.CompileAsyncQuery((ApprovalsDbContext db, string requestId, string userId, CancellationToken _) =>
            db.Requests.Any(r => r.Id == requestId && r.ApplicantId == userId)));

    private static readonly PerModelQuery<Func<ApprovalsDbContext, string[], IAsyncEnumerable<HumanTask>>> TasksQuery = new(() =>
        EF.CompileAsyncQuery((ApprovalsDbContext db, string[] ids) => db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))));

    private static readonly PerModelQuery<Func<ApprovalsDbContext, string[], IAsyncEnumerable<Request>>> RequestsQuery = new(() =>
        EF.CompileAsyncQuery((ApprovalsDbContext db, string[] ids) => db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id))));

    private static readonly ConcurrentDictionary<IModel, string> TaskWithApplicantStatements = new();

    public static Task<HumanTask?> TaskById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        TaskQuery.For(db)(db, id, cancellationToken);

    /// <summary>The task with its request's applicant, in one statement.</summary>
    public static Task<TaskWithApplicant?> TaskWithApplicantById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        TaskWithApplicantQuery.For(db)(db, id, cancellationToken);

    /// <summary>The same read through SQLite's kept connections (<see cref="RowReader"/>): a decision's first read.</summary>
    public static TaskWithApplicant? TaskWithApplicantById(RowReader reads, IModel model, string id)
    {
        var tasks = RowShape<HumanTask>.Of(model);
        // A static factory: a call that finds the statement allocates no closure.
        var sql = TaskWithApplicantStatements.GetOrAdd(model, static m =>
        {
            var (tasks, requests) = (RowShape<HumanTask>.Of(m), RowShape<Request>.Of(m));
            return $"SELECT {tasks.Columns("t")}, (SELECT r.{requests.Column(nameof(Request.ApplicantId))} FROM {requests.Table} AS r " +
                $"WHERE r.{requests.Column(nameof(Request.Id))} = t.{tasks.Column(nameof(HumanTask.RequestId))} LIMIT 1) " +
                $"FROM {tasks.Table} AS t WHERE t.{tasks.Column(nameof(HumanTask.Id))} = @p0 LIMIT 1";
        });
        return reads.ReadFirst(sql, [id],
            r => new TaskWithApplicant(tasks.Read(r), r.IsDBNull(tasks.Count) ? null : r.GetString(tasks.Count)));
    }

    public static Task<Request?> RequestById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        RequestQuery.For(db)(db, id, cancellationToken);

    /// <summary>The tasks of these ids (those that exist), by id, in one statement.</summary>
    public static async Task<Dictionary<string, HumanTask>> TasksByIds(
        ApprovalsDbContext db, string[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await TasksQuery.For(db)(db, ids).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>The same read through SQLite's kept connections (<see cref="RowReader"/>): a mail sweep's read per batch.</summary>
    public static Dictionary<string, HumanTask> TasksByIds(RowReader reads, IModel model, string[] ids) =>
        ByIds<HumanTask>(reads, model, ids, t => t.Id);

    /// <summary>The requests of these ids (those that exist), by id, in one statement.</summary>
    public static async Task<Dictionary<string, Request>> RequestsByIds(
        ApprovalsDbContext db, string[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await RequestsQuery.For(db)(db, ids).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>The same read through SQLite's kept connections (<see cref="RowReader"/>).</summary>
    public static Dictionary<string, Request> RequestsByIds(RowReader reads, IModel model, string[] ids) =>
        ByIds<Request>(reads, model, ids, r => r.Id);

    /// <summary>Whether <paramref name="userId"/> applied for the request.</summary>
    public static Task<bool> IsApplicant(ApprovalsDbContext db, string requestId, string userId, CancellationToken cancellationToken) =>
        ApplicantQuery.For(db)(db, requestId, userId, cancellationToken);

    /// <summary>The rows of these ids in one statement: the ids go as one JSON array, one prepared statement for any number.</summary>
    private static Dictionary<string, T> ByIds<T>(RowReader reads, IModel model, string[] ids, Func<T, string> idOf) where T : class
    {
        if (ids.Length == 0) return [];
        var shape = RowShape<T>.Of(model);
        var sql = shape.Select("{Id} IN (SELECT value FROM json_each(@p0))");
        return reads.ReadAll(sql, [JsonSerializer.Serialize(ids)], r => shape.Read(r)).ToDictionary(idOf, StringComparer.Ordinal);
    }
}
