using Approvals.Activities.Audit;
using Approvals.Activities.DocumentNumbers;
using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using System.Text.Json.Nodes;
using Approvals.Engine.Activities;
using Approvals.Engine.Contracts;
using Approvals.Engine.Execution;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

/// <summary>
/// Writes the domain rows a burst produced (tasks, requests, numbers, quota use, audit entries) inside the
/// engine's commit transaction. A row that changed under the burst (a task decided meanwhile, a number taken)
/// raises a concurrency conflict, so the whole burst is rolled back and re-run on fresh state.
/// </summary>
public sealed class ApprovalsCommitParticipant(ApprovalsDbContextFactory factory) : ICommitParticipant
{
    public async Task OnCommittingAsync(WorkflowDbContext engineDb, ExecutionResult result, CancellationToken cancellationToken)
    {
        var runTasks = RunTaskChanges(result);
        if (result.CommitItems.Count == 0 && runTasks.Count == 0) return;
        await using var db = await factory.EnlistAsync(engineDb, cancellationToken);
        var rows = new RowWriter(db);
        var audit = new List<AuditRecord>();
        try
        {
            foreach (var item in runTasks.Concat(result.CommitItems))
            {
                if (item is AuditRecord record) audit.Add(record);
                else await WriteAsync(db, rows, item, result.State.UpdatedAt, cancellationToken);
            }
            await AuditTrail.AppendAsync(db, audit, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && IsUniqueViolation(ex))
        {
            // Another burst inserted the same key first (the first number of a year, say): re-run on fresh state.
            throw new DbUpdateConcurrencyException("A row this burst inserts was inserted concurrently.", ex);
        }
    }

    /// <summary>
    /// Writes one change. The frequent ones (every submission and decision) are plain statements; the rest change tracked
    /// rows and are saved at once, so a later change of the same burst is never overwritten by an earlier one.
    /// </summary>
    private static async Task WriteAsync(ApprovalsDbContext db, RowWriter rows, object item, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        switch (item)
        {
            case RequestCreated created:
                await rows.InsertAsync([created.Request], cancellationToken);
                break;
            case TaskCreated created:
                await rows.InsertAsync([created.Task], cancellationToken);
                var task = created.Task;
                var candidates = task.CandidateRoles.Select(role => TaskCandidate.For(task, role, task.CandidateUnitId)).ToList();
                await rows.InsertAsync(candidates, cancellationToken);
                break;
            case TaskCompleted completed:
                await CompleteAsync(rows, completed, cancellationToken);
                break;
            case TaskCancelled cancelled:
                await rows.UpdateAsync<HumanTask>([
                    new(nameof(HumanTask.Status), HumanTaskStatus.Cancelled),
                    new(nameof(HumanTask.CancelReason), cancelled.Reason),
                    new(nameof(HumanTask.CompletedAt), cancelled.At),
                ], StillOpen(cancelled.TaskId), cancellationToken);
                await CloseCandidatesAsync(rows, cancelled.TaskId, cancellationToken);
                break;
            case TaskReminded reminded:
                await rows.UpdateAsync<HumanTask>([new(nameof(HumanTask.RemindersSent), reminded.RemindersSent)],
                    [new(nameof(HumanTask.Id), reminded.TaskId)], cancellationToken);
                break;
            case TaskOverdue overdue:
                await rows.UpdateAsync<HumanTask>([new(nameof(HumanTask.IsOverdue), true)], [new(nameof(HumanTask.Id), overdue.TaskId)],
                    cancellationToken);
                await rows.UpdateAsync<TaskCandidate>([new(nameof(TaskCandidate.Urgency), 0)],
                    [new(nameof(TaskCandidate.TaskId), overdue.TaskId)], cancellationToken);
                break;
            case TaskEscalated escalated:
                await EscalateAsync(db, escalated, cancellationToken);
                break;
            case RequestUpdated { Data: null } updated:
                await UpdateRequestAsync(rows, updated, at, cancellationToken);
                break;
            case RequestUpdated revised:
                await ReviseRequestAsync(db, rows, revised, at, cancellationToken);
                break;
            case NumberReserved reserved:
                await ReserveAsync(rows, reserved, at, cancellationToken);
                break;
            case QuotaConsumed consumed:
                await ConsumeQuotaAsync(db, consumed, cancellationToken);
                break;
            case QuotaReleased released:
                await rows.UpdateAsync<QuotaUse>([new(nameof(QuotaUse.ReleasedAt), released.At)],
                    [new(nameof(QuotaUse.RequestId), released.RequestId), new(nameof(QuotaUse.ReleasedAt), [null])], cancellationToken);
                break;
        }
    }

    private static RowCondition[] StillOpen(string taskId) =>
        [new(nameof(HumanTask.Id), taskId), new(nameof(HumanTask.Status), HumanTaskStatus.Open, HumanTaskStatus.Claimed)];

    /// <summary>
    /// <c>Elsa.RunTask</c> is served by the same task model: each request becomes a task in the inbox (for the
    /// roles or assignee its payload names, else administrators), and the task closes with its bookmark.
    /// </summary>
    private static List<object> RunTaskChanges(ExecutionResult result)
    {
        var changes = new List<object>();
        foreach (var bookmark in result.AddedBookmarks.Where(b => b.Name == RunTask.BookmarkName))
        {
            var payload = bookmark.Payload?["payload"] as JsonObject;
            var roles = (payload?["roles"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToList() ?? [];
            var assignee = payload?["assignee"]?.GetValue<string>();
            if (assignee is null && roles.Count == 0) roles.Add("admin");
            changes.Add(new TaskCreated(new HumanTask
            {
                Id = bookmark.Payload!["taskId"]!.GetValue<string>(),
                WorkflowInstanceId = bookmark.WorkflowInstanceId,
                DefinitionId = result.State.DefinitionId,
                ActivityId = bookmark.ActivityId,
                ActivityExecutionId = bookmark.ActivityExecutionId,
                BookmarkId = bookmark.Id,
                RequestId = result.State.Input["requestId"]?.GetValue<string>(),
                RequestType = result.State.Input["type"]?.GetValue<string>(),
                RequestUnitId = result.State.Input["unitId"]?.GetValue<string>(),
                Kind = "run-task",
                Title = bookmark.Payload["taskName"]?.GetValue<string>() ?? "Task",
                AssigneeId = assignee,
                CandidateRoles = roles,
                Outcomes = ["Done"],
                CreatedAt = bookmark.CreatedAt,
            }));
        }
        foreach (var bookmark in result.RemovedBookmarks.Where(b => b.Name == RunTask.BookmarkName))
        {
            var taskId = bookmark.Payload?["taskId"]?.GetValue<string>() ?? bookmark.Hash;
            if (result.CancelledActivityExecutionIds.Contains(bookmark.ActivityExecutionId))
                changes.Add(new TaskCancelled(taskId, "The workflow no longer waits for it.", result.State.UpdatedAt));
            else
            {
                var input = result.ResumeInput;
                changes.Add(new TaskCompleted(taskId, input?["outcome"]?.GetValue<string>() ?? "Done",
                    input?["comment"]?.GetValue<string>(),
                    input?["actedBy"]?.GetValue<string>() ?? "api", input?["onBehalfOf"]?.GetValue<string>(),
                    input?["operationId"]?.GetValue<string>(),
                    result.State.UpdatedAt, (input?["result"] ?? input?["payload"])?.DeepClone() is JsonObject r ? r : null, []));
            }
        }
        return changes;
    }

    private static async Task CompleteAsync(RowWriter rows, TaskCompleted c, CancellationToken cancellationToken)
    {
        var changed = await rows.UpdateAsync<HumanTask>(c.Columns, StillOpen(c.TaskId), cancellationToken);
        if (changed == 0) throw new DbUpdateConcurrencyException($"Task {c.TaskId} is no longer open.");
        await CloseCandidatesAsync(rows, c.TaskId, cancellationToken);
    }

    private static Task<int> CloseCandidatesAsync(RowWriter rows, string taskId, CancellationToken cancellationToken) =>
        rows.UpdateAsync<TaskCandidate>([new(nameof(TaskCandidate.IsOpen), false)],
            [new(nameof(TaskCandidate.TaskId), taskId), new(nameof(TaskCandidate.IsOpen), true)], cancellationToken);

    private static async Task EscalateAsync(ApprovalsDbContext db, TaskEscalated escalated, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == escalated.TaskId, cancellationToken);
        if (task is null || task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled) return;
        task.EscalatedTo = escalated.Role;
        if (!task.CandidateRoles.Contains(escalated.Role))
        {
            task.CandidateRoles = [.. task.CandidateRoles, escalated.Role];
            // The next role up is not limited to the applicant's unit.
            db.TaskCandidates.Add(TaskCandidate.For(task, escalated.Role, null, isOpen: task.ClaimedBy is null));
        }
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>Sets what the change names; a request that reaches an end is closed then (and keeps the first time it closed).</summary>
    private static async Task UpdateRequestAsync(RowWriter rows, RequestUpdated u, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var set = new List<RowValue> { new(nameof(Request.UpdatedAt), at) };
        if (u.Status is not null) set.Add(new(nameof(Request.Status), u.Status));
        if (u.StatusEn is not null) set.Add(new(nameof(Request.StatusEn), u.StatusEn));
        if (u.Title is not null) set.Add(new(nameof(Request.Title), u.Title));
        if (u.State is { } state) set.Add(new(nameof(Request.State), state));
        if (u.DocumentNumber is not null) set.Add(new(nameof(Request.DocumentNumber), u.DocumentNumber));
        if (u.OverQuota is { } over) set.Add(new(nameof(Request.OverQuota), over));
        if (u.PolicyChecks is not null) set.Add(new(nameof(Request.PolicyChecks), u.PolicyChecks));
        if (u.QuotaStanding is not null) set.Add(new(nameof(Request.QuotaStanding), u.QuotaStanding));
        await rows.UpdateAsync<Request>(set, [new(nameof(Request.Id), u.RequestId)], cancellationToken);
        if (u.State is RequestState.Approved or RequestState.Rejected or RequestState.Withdrawn or RequestState.Closed)
            await rows.UpdateAsync<Request>([new(nameof(Request.ClosedAt), at)],
                [new(nameof(Request.Id), u.RequestId), new(nameof(Request.ClosedAt), [null])], cancellationToken);
    }

    /// <summary>A change with revised form data keeps the replaced data as a revision.</summary>
    private static async Task ReviseRequestAsync(ApprovalsDbContext db, RowWriter rows, RequestUpdated u, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == u.RequestId, cancellationToken);
        if (request is null) return;
        db.RequestRevisions.Add(new RequestRevision
        {
            RequestId = request.Id, Revision = request.Revision, Data = request.Data, ReplacedAt = at, ReplacedBy = u.RevisedBy,
        });
        request.Data = u.Data!;
        request.Revision++;
        request.UpdatedAt = at;
        await SaveAsync(db, cancellationToken);
        await UpdateRequestAsync(rows, u with { Data = null }, at, cancellationToken);
    }

    private static async Task ReserveAsync(RowWriter rows, NumberReserved reserved, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (reserved.Number == 1)
            await rows.InsertAsync([new NumberSequence { Key = reserved.Key, Year = reserved.Year, Last = 1 }], cancellationToken);
        else
        {
            var changed = await rows.UpdateAsync<NumberSequence>([new(nameof(NumberSequence.Last), reserved.Number)], [
                new(nameof(NumberSequence.Key), reserved.Key), new(nameof(NumberSequence.Year), reserved.Year),
                new(nameof(NumberSequence.Last), reserved.Number - 1),
            ], cancellationToken);
            if (changed == 0)
                throw new DbUpdateConcurrencyException($"Number {reserved.Number} of {reserved.Key} {reserved.Year} was taken.");
        }
        if (reserved.DocumentText is not null && reserved.RequestId is not null)
            await rows.InsertAsync([new DocumentNumberAssignment
            {
                Prefix = reserved.Key,
                Year = reserved.Year,
                Number = reserved.Number,
                Text = reserved.DocumentText,
                RequestId = reserved.RequestId,
                AssignedAt = at,
            }], cancellationToken);
    }

    private static async Task ConsumeQuotaAsync(ApprovalsDbContext db, QuotaConsumed consumed, CancellationToken cancellationToken)
    {
        var use = await db.QuotaUses.FirstOrDefaultAsync(u => u.RequestId == consumed.RequestId, cancellationToken);
        if (use is null) db.QuotaUses.Add(use = new QuotaUse { RequestId = consumed.RequestId, UnitId = consumed.UnitId });
        use.Year = consumed.Year;
        use.Trips = consumed.Trips;
        use.Persons = consumed.Persons;
        use.ConsumedAt = consumed.At;
        use.ReleasedAt = null;
        await SaveAsync(db, cancellationToken);
    }

    private static async Task SaveAsync(ApprovalsDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    internal static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        // PostgreSQL's unique_violation, through the base class (naming Npgsql's type would load Npgsql on SQLite too).
        System.Data.Common.DbException { SqlState: "23505" } => true,
        _ => false,
    };
}
