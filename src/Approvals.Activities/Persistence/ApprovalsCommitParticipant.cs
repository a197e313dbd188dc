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
        var audit = new List<AuditRecord>();
        foreach (var item in runTasks.Concat(result.CommitItems))
        {
            switch (item)
            {
                case RequestCreated created:
                    db.Requests.Add(created.Request);
                    break;
                case TaskCreated created:
                    db.Tasks.Add(created.Task);
                    foreach (var role in created.Task.CandidateRoles)
                        db.TaskCandidates.Add(TaskCandidate.For(created.Task, role, created.Task.CandidateUnitId));
                    break;
                case TaskCompleted completed:
                    await CompleteAsync(db, completed, cancellationToken);
                    break;
                case TaskCancelled cancelled:
                    await db.Tasks.Where(t => t.Id == cancelled.TaskId && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, HumanTaskStatus.Cancelled)
                            .SetProperty(t => t.CancelReason, cancelled.Reason)
                            .SetProperty(t => t.CompletedAt, cancelled.At), cancellationToken);
                    await CloseCandidatesAsync(db, cancelled.TaskId, cancellationToken);
                    break;
                case TaskReminded reminded:
                    await db.Tasks.Where(t => t.Id == reminded.TaskId)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.RemindersSent, reminded.RemindersSent), cancellationToken);
                    break;
                case TaskOverdue overdue:
                    await db.Tasks.Where(t => t.Id == overdue.TaskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsOverdue, true), cancellationToken);
                    await db.TaskCandidates.Where(c => c.TaskId == overdue.TaskId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Urgency, 0), cancellationToken);
                    break;
                case TaskEscalated escalated:
                    await EscalateAsync(db, escalated, cancellationToken);
                    break;
                case RequestUpdated updated:
                    await UpdateRequestAsync(db, updated, result.State.UpdatedAt, cancellationToken);
                    break;
                case NumberReserved reserved:
                    await ReserveAsync(db, reserved, result.State.UpdatedAt, cancellationToken);
                    break;
                case QuotaConsumed consumed:
                    var use = await db.QuotaUses.FirstOrDefaultAsync(u => u.RequestId == consumed.RequestId, cancellationToken);
                    if (use is null) db.QuotaUses.Add(use = new QuotaUse { RequestId = consumed.RequestId, UnitId = consumed.UnitId });
                    use.Year = consumed.Year;
                    use.Trips = consumed.Trips;
                    use.Persons = consumed.Persons;
                    use.ConsumedAt = consumed.At;
                    use.ReleasedAt = null;
                    break;
                case QuotaReleased released:
                    await db.QuotaUses.Where(u => u.RequestId == released.RequestId && u.ReleasedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.ReleasedAt, released.At), cancellationToken);
                    break;
                case AuditRecord record:
                    audit.Add(record);
                    break;
            }
        }
        await AuditTrail.AppendAsync(db, audit, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && IsUniqueViolation(ex))
        {
            // Another burst inserted the same key first (the first number of a year, say): re-run on fresh state.
            throw new DbUpdateConcurrencyException("A row this burst inserts was inserted concurrently.", ex);
        }
    }

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
                changes.Add(new TaskCompleted(taskId, input?["outcome"]?.GetValue<string>() ?? "Done", input?["comment"]?.GetValue<string>(),
                    input?["actedBy"]?.GetValue<string>() ?? "api", input?["onBehalfOf"]?.GetValue<string>(), input?["operationId"]?.GetValue<string>(),
                    result.State.UpdatedAt, (input?["result"] ?? input?["payload"])?.DeepClone() is JsonObject r ? r : null, []));
            }
        }
        return changes;
    }

    private static async Task CompleteAsync(ApprovalsDbContext db, TaskCompleted c, CancellationToken cancellationToken)
    {
        var rows = await db.Tasks.Where(t => t.Id == c.TaskId && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, HumanTaskStatus.Completed)
                .SetProperty(t => t.Outcome, c.Outcome)
                .SetProperty(t => t.Comment, c.Comment)
                .SetProperty(t => t.ActedBy, c.ActedBy)
                .SetProperty(t => t.OnBehalfOf, c.OnBehalfOf)
                .SetProperty(t => t.OperationId, c.OperationId)
                .SetProperty(t => t.CompletedAt, c.At)
                .SetProperty(t => t.Payload, c.Payload)
                .SetProperty(t => t.AttachmentIds, c.AttachmentIds.ToList()), cancellationToken);
        if (rows == 0) throw new DbUpdateConcurrencyException($"Task {c.TaskId} is no longer open.");
        await CloseCandidatesAsync(db, c.TaskId, cancellationToken);
    }

    private static Task CloseCandidatesAsync(ApprovalsDbContext db, string taskId, CancellationToken cancellationToken) =>
        db.TaskCandidates.Where(c => c.TaskId == taskId && c.IsOpen).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsOpen, false), cancellationToken);

    private static async Task EscalateAsync(ApprovalsDbContext db, TaskEscalated escalated, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == escalated.TaskId, cancellationToken);
        if (task is null || task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled) return;
        task.EscalatedTo = escalated.Role;
        if (task.CandidateRoles.Contains(escalated.Role)) return;
        task.CandidateRoles = [.. task.CandidateRoles, escalated.Role];
        // The next role up is not limited to the applicant's unit.
        db.TaskCandidates.Add(TaskCandidate.For(task, escalated.Role, null, isOpen: task.ClaimedBy is null));
    }

    private static async Task UpdateRequestAsync(ApprovalsDbContext db, RequestUpdated u, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var request = db.Requests.Local.FirstOrDefault(r => r.Id == u.RequestId)
            ?? await db.Requests.FirstOrDefaultAsync(r => r.Id == u.RequestId, cancellationToken);
        if (request is null) return;
        if (u.Status is not null) request.Status = u.Status;
        if (u.StatusEn is not null) request.StatusEn = u.StatusEn;
        if (u.Title is not null) request.Title = u.Title;
        if (u.State is { } state)
        {
            request.State = state;
            if (state is RequestState.Approved or RequestState.Rejected or RequestState.Withdrawn or RequestState.Closed) request.ClosedAt ??= at;
        }
        if (u.Data is not null)
        {
            db.RequestRevisions.Add(new RequestRevision { RequestId = request.Id, Revision = request.Revision, Data = request.Data, ReplacedAt = at, ReplacedBy = u.RevisedBy });
            request.Data = u.Data;
            request.Revision++;
        }
        if (u.DocumentNumber is not null) request.DocumentNumber = u.DocumentNumber;
        if (u.OverQuota is { } over) request.OverQuota = over;
        if (u.PolicyChecks is not null) request.PolicyChecks = u.PolicyChecks;
        if (u.QuotaStanding is not null) request.QuotaStanding = u.QuotaStanding;
        request.UpdatedAt = at;
    }

    private static async Task ReserveAsync(ApprovalsDbContext db, NumberReserved reserved, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (reserved.Number == 1)
            db.NumberSequences.Add(new NumberSequence { Key = reserved.Key, Year = reserved.Year, Last = 1 });
        else
        {
            var rows = await db.NumberSequences.Where(s => s.Key == reserved.Key && s.Year == reserved.Year && s.Last == reserved.Number - 1)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, reserved.Number), cancellationToken);
            if (rows == 0) throw new DbUpdateConcurrencyException($"Number {reserved.Number} of {reserved.Key} {reserved.Year} was taken.");
        }
        if (reserved.DocumentText is not null && reserved.RequestId is not null)
            db.DocumentNumbers.Add(new DocumentNumberAssignment
            {
                Prefix = reserved.Key,
                Year = reserved.Year,
                Number = reserved.Number,
                Text = reserved.DocumentText,
                RequestId = reserved.RequestId,
                AssignedAt = at,
            });
    }

    internal static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException pg => pg.SqlState == "23505",
        _ => false,
    };
}
