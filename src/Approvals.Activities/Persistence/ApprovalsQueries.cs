using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

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

    public static Task<HumanTask?> TaskById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        TaskQuery.For(db)(db, id, cancellationToken);

    /// <summary>The task with its request's applicant, in one statement.</summary>
    public static Task<TaskWithApplicant?> TaskWithApplicantById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        TaskWithApplicantQuery.For(db)(db, id, cancellationToken);

    public static Task<Request?> RequestById(ApprovalsDbContext db, string id, CancellationToken cancellationToken) =>
        RequestQuery.For(db)(db, id, cancellationToken);

    /// <summary>The tasks of these ids (those that exist), by id, in one statement.</summary>
    public static async Task<Dictionary<string, HumanTask>> TasksByIds(
        ApprovalsDbContext db, string[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await TasksQuery.For(db)(db, ids).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>The requests of these ids (those that exist), by id, in one statement.</summary>
    public static async Task<Dictionary<string, Request>> RequestsByIds(
        ApprovalsDbContext db, string[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await RequestsQuery.For(db)(db, ids).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>Whether <paramref name="userId"/> applied for the request.</summary>
    public static Task<bool> IsApplicant(ApprovalsDbContext db, string requestId, string userId, CancellationToken cancellationToken) =>
        ApplicantQuery.For(db)(db, requestId, userId, cancellationToken);
}
