using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Contracts;
using Approvals.Activities.Forms;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Engine.Execution;
using Approvals.Engine.Options;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tasks;

/// <summary>
/// What people do with tasks: decide, claim, release, transfer, delegate. Only the assignee, a candidate (a member
/// of a candidate role, of the right unit), or an active proxy of either may act; both identities are recorded.
/// </summary>
public sealed class TaskService(
    ApprovalsDbContextFactory factory, WorkflowRuntime runtime, IUserDirectory directory, RequestTypeCatalog types, TimeProvider clock)
{
    public async Task<HumanTask> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await ApprovalsQueries.TaskById(db, taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
    }

    /// <summary>The task with its request's applicant, for the verbs that ask whether the actor applied for it.</summary>
    private async Task<TaskWithApplicant> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        if (factory.Reads is { } reads)
            return ApprovalsQueries.TaskWithApplicantById(reads, factory.Model, taskId) ?? throw new TaskNotFoundException(taskId);
        await using var db = factory.Create();
        return await ApprovalsQueries.TaskWithApplicantById(db, taskId, cancellationToken) ?? throw new TaskNotFoundException(taskId);
    }

    /// <summary>A request's decided tasks, oldest first (what each stage decided, by whom, with what comment).</summary>
    public async Task<IReadOnlyList<HumanTask>> HistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Tasks.AsNoTracking().Where(t => t.RequestId == requestId && t.Status == HumanTaskStatus.Completed)
            .OrderBy(t => t.CompletedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Every task a request has had, in the order they were created (its history and its open tasks).</summary>
    public async Task<IReadOnlyList<HumanTask>> OfRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Tasks.AsNoTracking().Where(t => t.RequestId == requestId).OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The request's open revise task; or, for a repeated <paramref name="operationId"/>, the one that operation already resubmitted
    /// (so the repeat answers as the first did). Null when the request waits for no revision.
    /// </summary>
    public async Task<HumanTask?> FindReviseAsync(string requestId, string? operationId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var revises = db.Tasks.AsNoTracking().Where(t => t.RequestId == requestId && t.Kind == "revise");
        var open = await revises.FirstOrDefaultAsync(
            t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed, cancellationToken);
        if (open is not null || operationId is null) return open;
        return await revises.FirstOrDefaultAsync(t => t.OperationId == operationId, cancellationToken);
    }

    /// <summary>
    /// Every task a stage of an instance has had, oldest first (each round of a stage that was returned to, each board member's vote).
    /// </summary>
    public async Task<IReadOnlyList<HumanTask>> AtStageAsync(string instanceId, string activityId,
        CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Tasks.AsNoTracking().Where(t => t.WorkflowInstanceId == instanceId && t.ActivityId == activityId)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Whether (and for whom) <paramref name="userId"/> may act on the task; null when not at all.</summary>
    public Task<TaskActor?> ActorForAsync(HumanTask task, string userId, CancellationToken cancellationToken = default) =>
        ActorForAsync(task, userId, () => IsApplicantAsync(task, userId, cancellationToken), cancellationToken);

    /// <inheritdoc cref="ActorForAsync(HumanTask, string, CancellationToken)"/>
    private Task<TaskActor?> ActorForAsync(TaskWithApplicant read, string userId, CancellationToken cancellationToken) =>
        ActorForAsync(read.Task, userId, () => Task.FromResult(read.ApplicantId == userId), cancellationToken);

    private async Task<TaskActor?> ActorForAsync(
        HumanTask task, string userId, Func<Task<bool>> isApplicant, CancellationToken cancellationToken)
    {
        // A locked account acts on nothing, whatever it holds (a mail link, an open page, a token).
        if (await directory.FindAsync(userId, cancellationToken) is not { IsActive: true }) return null;
        // Nobody reviews their own request: the applicant acts only on the tasks the workflow gave them (revise, record),
        // never as a candidate, a delegate or a proxy (transfers to them are refused).
        if (!IsApplicantsOwn(task, userId) && await isApplicant()) return null;
        if (await MayActAsSelfAsync(task, userId, cancellationToken)) return new TaskActor(userId, null);
        await using var db = factory.Create();
        var now = clock.GetUtcNow();
        var proxies = await db.Proxies.AsNoTracking().Where(p => p.SubstituteId == userId && p.From <= now && p.To > now)
            .ToListAsync(cancellationToken);
        foreach (var proxy in proxies.Where(p => p.Covers(now, task.DefinitionId)))
            if (await MayActAsSelfAsync(task, proxy.PrincipalId, cancellationToken)) return new TaskActor(userId, proxy.PrincipalId);
        return null;
    }

    /// <summary>Comments are read by people and mailed: a page of text at most.</summary>
    public const int MaxCommentLength = 4000;

    private static bool IsApplicantsOwn(HumanTask task, string userId) => task.AssigneeId == userId && task.DelegatedFrom is null;

    private async Task<bool> IsApplicantAsync(HumanTask task, string userId, CancellationToken cancellationToken)
    {
        if (task.RequestId is null) return false;
        await using var db = factory.Create();
        return await ApprovalsQueries.IsApplicant(db, task.RequestId, userId, cancellationToken);
    }

    /// <summary>Refuses to hand a task to someone who does not exist, is locked, or applied for the request (self-approval).</summary>
    private async Task CheckRecipientAsync(TaskWithApplicant read, string toUserId, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(toUserId, cancellationToken) is not { IsActive: true })
            throw new DecisionInvalidException("toUserId", $"User '{toUserId}' does not exist or is locked.");
        if (!IsApplicantsOwn(read.Task, toUserId) && read.ApplicantId == toUserId)
            throw new DecisionInvalidException("toUserId", "The applicant of a request may not review it; choose someone else.");
    }

    private async Task<bool> MayActAsSelfAsync(HumanTask task, string userId, CancellationToken cancellationToken)
    {
        if (task.ClaimedBy is not null) return task.ClaimedBy == userId;
        if (task.AssigneeId == userId) return true;
        if (task.AssigneeId is not null && task.EscalatedTo is null) return false;
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is null) return false;
        // The role a task was escalated to takes it up beside the assignee, and is not limited to the applicant's unit.
        if (task.EscalatedTo is { } escalated && user.IsInRole(escalated)) return true;
        return task.AssigneeId is null && task.CandidateRoles.Any(role => user.IsInRole(role, task.CandidateUnitId));
    }

    /// <summary>
    /// Decides a task. A repeated <paramref name="operationId"/> returns the first result; any other second decision is a
    /// <see cref="TaskConflictException"/>, as is a decision on a task whose stage has closed.
    /// </summary>
    public async Task<TaskDecisionResult> DecideAsync(string taskId, string userId, string outcome, string? comment, string? operationId,
        JsonObject? payload = null, IReadOnlyList<string>? attachmentIds = null, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(taskId, cancellationToken);
        var task = read.Task;
        if (Settled(task, operationId) is { } settled) return settled;
        var actor = await ActorForAsync(read, userId, cancellationToken)
            ?? throw new TaskForbiddenException($"You may not decide this task: it is for {Describe(task)}.");
        await ValidateAsync(task, outcome, comment, payload, cancellationToken);

        var onBehalfOf = actor.OnBehalfOf ?? (task.DelegatedFrom is { } from && from != actor.UserId ? from : null);
        var decision = new TaskDecision(task.Id, outcome, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), actor.UserId,
            onBehalfOf, operationId, payload, attachmentIds ?? []);
        WorkflowRunResult run;
        try
        {
            var input = decision.ToJson();
            if (task.Kind == "run-task") input["result"] = payload?.DeepClone();
            run = await runtime.ResumeInInstanceAsync(task.WorkflowInstanceId, task.BookmarkId, input, keepFaults: false,
                cancellationToken);
        }
        catch (WorkflowFaultException fault)
        {
            // Nothing was saved: the task is still open, and the person hears why rather than a success.
            throw new DecisionFailedException(fault.Message);
        }
        catch (BookmarkNotFoundException)
        {
            // Someone else decided it (or the stage closed) between our read and our commit.
            var now = await GetAsync(taskId, cancellationToken);
            return Settled(now, operationId) ?? throw new TaskConflictException("The task changed while you were deciding it.", now);
        }
        // The commit says how it closed the task: a second read of the row it just wrote would cost a tenth of the decision.
        if (run.Committed.OfType<ITaskChange>().Where(c => c.TaskId == task.Id).ToList() is [TaskCompleted completed])
            return new TaskDecisionResult(completed.ApplyTo(task), false);
        return new TaskDecisionResult(await GetAsync(taskId, cancellationToken), false);
    }

    private static TaskDecisionResult? Settled(HumanTask task, string? operationId) => task.Status switch
    {
        HumanTaskStatus.Completed when operationId is not null && task.OperationId == operationId => new TaskDecisionResult(task, true),
        HumanTaskStatus.Completed => throw new TaskConflictException(
            $"The task was already decided: {task.Outcome} by {task.ActedBy} at {task.CompletedAt:u}.", task),
        HumanTaskStatus.Cancelled => throw new TaskConflictException($"The task is closed: {task.CancelReason}", task),
        _ => null,
    };

    private async Task ValidateAsync(HumanTask task, string outcome, string? comment, JsonObject? payload,
        CancellationToken cancellationToken)
    {
        if (Forms.JsonText.Problems(payload, "payload") is [var unreadablePayload, ..])
            throw new DecisionInvalidException(unreadablePayload.Path, $"'{unreadablePayload.Path}' {unreadablePayload.Message}.");
        if (!task.Outcomes.Contains(outcome))
            throw new DecisionInvalidException("outcome",
                $"'{outcome}' is not a decision this task offers ({string.Join(", ", task.Outcomes)}).");
        if (task.CommentRequiredFor.Contains(outcome) && string.IsNullOrWhiteSpace(comment))
            throw new DecisionInvalidException("comment", $"A comment is required to choose {outcome}.");
        if (task.Payload?["required"]?[outcome] is JsonArray required)
            foreach (var field in required.Select(f => f!.GetValue<string>()))
                if (payload?[field] is null
                    || (payload[field] is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
                    throw new DecisionInvalidException($"payload.{field}", $"'{field}' is required to choose {outcome}.");
        // Every recorded field is checked by its type before anything runs (a date that is no date never closes a request).
        foreach (var (field, type) in task.Payload?["types"] as JsonObject ?? [])
            if (new RecordedField(field, type!.GetValue<string>()).Problem(payload?[field]) is { } problem)
                throw new DecisionInvalidException($"payload.{field}", $"'{field}' {problem}.");
        if (comment is not null && Forms.FormValidator.NotText(comment) is { } unreadable)
            throw new DecisionInvalidException("comment", $"The comment {unreadable}.");
        if (comment is { Length: > MaxCommentLength })
            throw new DecisionInvalidException("comment", $"A comment is at most {MaxCommentLength} characters ({comment.Length} given).");
        if (task.Kind == "revise" && outcome == "Resubmitted")
        {
            if (payload?["data"] is not JsonObject data)
                throw new DecisionInvalidException("payload.data", "A resubmission needs the revised form data.");
            await using var db = factory.Create();
            var request = await db.Requests.AsNoTracking().FirstAsync(r => r.Id == task.RequestId, cancellationToken);
            var type = await types.FindAsync(request.Type, cancellationToken)
                ?? throw new InvalidOperationException($"Request type '{request.Type}' is not published.");
            var errors = FormValidator.Validate(type.Form, data);
            if (errors.Count > 0)
                throw new FormValidationException(errors.Select(e => e with { Path = "payload.data." + e.Path }).ToList());
        }
    }

    /// <summary>A candidate takes the task, so the other candidates no longer see it as theirs to decide.</summary>
    public async Task<HumanTask> ClaimAsync(string taskId, string userId, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(taskId, cancellationToken);
        var task = read.Task;
        if (task.AssigneeId is not null || task.CandidateRoles.Count == 0)
            throw new DecisionInvalidException("task", "Only a task offered to a role can be claimed.");
        if (task.Status != HumanTaskStatus.Open)
            throw new TaskConflictException(
                task.Status == HumanTaskStatus.Claimed
                    ? $"The task was already claimed by {task.ClaimedBy}."
                    : "The task is no longer open.",
                task);
        var actor = await ActorForAsync(read, userId, cancellationToken)
            ?? throw new TaskForbiddenException($"You may not claim this task: it is for {Describe(task)}.");
        return await ChangeAsync(task, t => t.Status == HumanTaskStatus.Open,
            t => { t.Status = HumanTaskStatus.Claimed; t.ClaimedBy = actor.OnBehalfOf ?? actor.UserId; },
            new AuditRecord(actor.UserId, "Claimed") { OnBehalfOf = actor.OnBehalfOf }, cancellationToken, candidatesOpen: false);
    }

    public async Task<HumanTask> ReleaseAsync(string taskId, string userId, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(taskId, cancellationToken);
        var task = read.Task;
        if (task.Status != HumanTaskStatus.Claimed) throw new TaskConflictException("The task is not claimed.", task);
        var actor = await ActorForAsync(read, userId, cancellationToken)
            ?? throw new TaskForbiddenException("Only the one who claimed the task may release it.");
        return await ChangeAsync(task, t => t.Status == HumanTaskStatus.Claimed && t.ClaimedBy == task.ClaimedBy,
            t => { t.Status = HumanTaskStatus.Open; t.ClaimedBy = null; },
            new AuditRecord(actor.UserId, "Released") { OnBehalfOf = actor.OnBehalfOf }, cancellationToken, candidatesOpen: true);
    }

    /// <summary>Transfers the task (转办) to another user, who then decides it as their own.</summary>
    public async Task<HumanTask> ReassignAsync(string taskId, string userId, string toUserId, string? comment, bool isAdministrator = false,
        CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(taskId, cancellationToken);
        var task = read.Task;
        if (task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled)
            throw new TaskConflictException("The task is no longer open.", task);
        var actor = isAdministrator ? new TaskActor(userId, null) : await ActorForAsync(read, userId, cancellationToken)
            ?? throw new TaskForbiddenException("Only someone who may decide the task may transfer it.");
        await CheckRecipientAsync(read, toUserId, cancellationToken);
        var status = task.Status;
        return await ChangeAsync(task, t => t.Status == status,
            t =>
            {
                t.AssigneeId = toUserId; t.ClaimedBy = null; t.Status = HumanTaskStatus.Open;
                t.CandidateRoles = []; t.CandidateUnitId = null;
            },
            new AuditRecord(actor.UserId, "Transferred")
            {
                OnBehalfOf = actor.OnBehalfOf, Comment = comment, Data = new JsonObject { ["to"] = toUserId, ["from"] = task.AssigneeId },
            },
            cancellationToken, candidatesOpen: false);
    }

    /// <summary>Delegates the task: the delegate decides it, on behalf of the one who delegated.</summary>
    public async Task<HumanTask> DelegateAsync(string taskId, string userId, string toUserId, string? comment,
        CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(taskId, cancellationToken);
        var task = read.Task;
        if (task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled)
            throw new TaskConflictException("The task is no longer open.", task);
        var actor = await ActorForAsync(read, userId, cancellationToken)
            ?? throw new TaskForbiddenException("Only someone who may decide the task may delegate it.");
        await CheckRecipientAsync(read, toUserId, cancellationToken);
        var principal = actor.OnBehalfOf ?? actor.UserId;
        var status = task.Status;
        return await ChangeAsync(task, t => t.Status == status,
            t =>
            {
                t.DelegatedFrom = principal; t.AssigneeId = toUserId; t.ClaimedBy = null; t.Status = HumanTaskStatus.Open;
                t.CandidateRoles = []; t.CandidateUnitId = null;
            },
            new AuditRecord(actor.UserId, "Delegated")
            {
                OnBehalfOf = actor.OnBehalfOf, Comment = comment, Data = new JsonObject { ["to"] = toUserId, ["for"] = principal },
            },
            cancellationToken, candidatesOpen: false);
    }

    /// <param name="candidatesOpen">
    /// Whether the task is now offered to its roles' inboxes: a claimed, transferred or delegated task is not, a released one is again.
    /// </param>
    private Task<HumanTask> ChangeAsync(HumanTask task, Func<HumanTask, bool> stillValid, Action<HumanTask> change, AuditRecord audit,
        CancellationToken cancellationToken, bool? candidatesOpen = null) =>
        factory.RunAsync(async (db, token) =>
        {
            // The row is locked until commit (PostgreSQL; SQLite's writes are one transaction at a time), so two hosts claiming
            // or transferring the same task at once are decided one after the other and the second sees the first's change.
            var tracked = factory.Provider == DatabaseProvider.PostgreSql
                ? (await db.Tasks.FromSql($"""SELECT * FROM "Tasks" WHERE "Id" = {task.Id} FOR UPDATE""")
                    .ToListAsync(token)).Single()
                : await db.Tasks.FirstAsync(t => t.Id == task.Id, token);
            if (!stillValid(tracked)) throw new TaskConflictException("The task changed meanwhile; look again.", tracked);
            change(tracked);
            if (candidatesOpen is { } open)
                await db.TaskCandidates.Where(c => c.TaskId == task.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsOpen, open), token);
            var entry = audit with
            {
                TaskId = task.Id, RequestId = task.RequestId, WorkflowInstanceId = task.WorkflowInstanceId, At = clock.GetUtcNow(),
            };
            await AuditTrail.AppendAsync(db, [entry], token);
            await db.SaveChangesAsync(token);
            return tracked;
        }, cancellationToken);

    private static string Describe(HumanTask task) => task.ClaimedBy is not null ? $"{task.ClaimedBy} (claimed)"
        : task.AssigneeId is not null ? task.AssigneeId
        : $"role {string.Join(" / ", task.CandidateRoles)}{(task.CandidateUnitId is null ? "" : $" of unit {task.CandidateUnitId}")}";
}
