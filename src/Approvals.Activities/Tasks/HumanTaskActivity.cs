using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Calendar;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;

namespace Approvals.Activities.Tasks;

/// <summary>
/// What every stage with human tasks shares: opening tasks (a bookmark each), a due date in working days,
/// reminders while open (at most N), escalation to the next role up, and closing the tasks when the stage
/// closes. Reminders and the due date are bookmarks of the same execution, so they end with the stage: no
/// reminder can follow a decision.
/// </summary>
public abstract class HumanTaskActivity : Activity
{
    public const string TaskBookmark = "Approvals.Task";
    public const string ReminderBookmark = "Approvals.Reminder";
    public const string DueBookmark = "Approvals.Due";

    [Input(Description = "What the task asks, shown in the inbox (Liquid and JavaScript allowed).", Order = 0)]
    public string? Title { get; set; }

    [Input(Description = "Guidance for the person deciding.", UIHint = UIHints.MultiLine, Order = 1)]
    public string? Instructions { get; set; }

    [Input(DisplayName = "Due in", Description = "Working days (5), or an exact ISO 8601 duration (PT30S).",
        Category = "Timing", Order = 20)]
    public string? DueIn { get; set; }

    [Input(DisplayName = "Reminder interval", Description = "Remind while open: working days (2) or ISO 8601 (PT10S).",
        Category = "Timing", Order = 21)]
    public string? ReminderInterval { get; set; }

    [Input(DisplayName = "Maximum reminders", Description = "After this many reminders the task is escalated (0: remind until decided).",
        Category = "Timing", Order = 22)]
    public int MaxReminders { get; set; }

    [Input(DisplayName = "Escalate to", Description = "The role that takes the task up when reminders run out or it is overdue.",
        Category = "Timing", Order = 23)]
    public string? EscalateTo { get; set; }

    [Input(DisplayName = "Status while pending (中文)", Description = "What the applicant sees while this stage is open, e.g. 待主任审批.",
        Category = "Status", Order = 30)]
    public string? PendingStatus { get; set; }

    [Input(DisplayName = "Status while pending (English)", Category = "Status", Order = 31)]
    public string? PendingStatusEn { get; set; }

    /// <summary>Handles a decision on one of this stage's tasks.</summary>
    protected abstract ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision);

    public override async ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        switch (context.Resumed!.Name)
        {
            case TaskBookmark:
                var decision = TaskDecision.From(context.ResumeInput
                    ?? throw new InvalidOperationException("A decision carries no input."));
                OpenTasks(context).Remove(decision.TaskId);
                context.AddCommitItem(new TaskCompleted(decision.TaskId, decision.Outcome, decision.Comment,
                    decision.ActedBy, decision.OnBehalfOf,
                    decision.OperationId, context.Now, decision.Payload, decision.AttachmentIds));
                await OnDecisionAsync(context, decision);
                break;
            case ReminderBookmark:
                await OnReminderAsync(context);
                break;
            case DueBookmark:
                await OnDueAsync(context);
                break;
            default:
                throw new InvalidOperationException($"Unexpected bookmark {context.Resumed.Name}.");
        }
    }

    public override ValueTask CancelAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        if (bookmark.Name == TaskBookmark && bookmark.Payload?["taskId"]?.GetValue<string>() is { } taskId)
        {
            context.AddCommitItem(new TaskCancelled(taskId, "The stage closed.", context.Now));
            context.AddCommitItem(Audit(context, "system", "TaskCancelled") with { TaskId = taskId });
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The task's payload rules: which fields each outcome needs, and each field's type (checked before a decision runs).
    /// </summary>
    private static JsonObject? Payload(JsonObject? required, IReadOnlyList<RecordedField>? fields)
    {
        if (required is null && fields is not { Count: > 0 }) return null;
        var payload = new JsonObject();
        if (required is not null) payload["required"] = required;
        if (fields is { Count: > 0 }) payload["types"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)f.Type)));
        return payload;
    }

    /// <summary>Opens one task with its bookmark, and tells the people who may decide it.</summary>
    protected async Task<HumanTask> OpenTaskAsync(ActivityExecutionContext context, string kind, string? assigneeId,
        IReadOnlyList<string> roles, string? unitId,
        IReadOnlyList<string> outcomes, IReadOnlyList<string> commentRequiredFor, JsonObject? requiredPayload = null, string? title = null,
        IReadOnlyList<RecordedField>? fieldTypes = null, string assignedTemplate = "task-assigned")
    {
        var request = RequestContext.From(context);
        var taskId = Guid.CreateVersion7().ToString("N");
        var bookmark = context.CreateBookmark(TaskBookmark, taskId, new JsonObject { ["taskId"] = taskId });
        var task = new HumanTask
        {
            Id = taskId,
            WorkflowInstanceId = context.WorkflowInstanceId,
            DefinitionId = context.WorkflowContext.Workflow.DefinitionId,
            ActivityId = context.Node.Id,
            ActivityExecutionId = context.ExecutionId,
            BookmarkId = bookmark.Id,
            RequestId = request.RequestId,
            RequestType = request.Type,
            RequestUnitId = request.UnitId,
            Kind = kind,
            Title = title ?? Title ?? context.Node.Name ?? context.Node.Id,
            Instructions = Instructions,
            AssigneeId = assigneeId,
            CandidateRoles = roles.ToList(),
            CandidateUnitId = roles.Count > 0 ? unitId : null,
            Outcomes = outcomes.ToList(),
            CommentRequiredFor = commentRequiredFor.ToList(),
            Payload = Payload(requiredPayload, fieldTypes),
            CreatedAt = context.Now,
            DueAt = DueAt(context),
        };
        context.AddCommitItem(new TaskCreated(task));
        OpenTasks(context)[taskId] = new JsonObject { ["assignee"] = assigneeId,
            ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)r).ToArray()), ["unit"] = unitId };
        await Notifications.Notifications.SendAsync(context, assignedTemplate, RecipientsOf(assigneeId, roles, unitId, request),
            TaskModel(task), taskId);
        return task;
    }

    /// <summary>Sets the stage's pending status and its due-date and first-reminder timers.</summary>
    protected async Task StartTimersAsync(ActivityExecutionContext context)
    {
        if (!string.IsNullOrWhiteSpace(PendingStatus) && RequestContext.From(context).RequestId is { } requestId)
        {
            context.AddCommitItem(new RequestUpdated(requestId) { Status = PendingStatus, StatusEn = PendingStatusEn ?? PendingStatus });
            context.WorkflowInput["status"] = PendingStatus;
        }
        var calendar = context.GetRequiredService<WorkingCalendar>();
        if (WorkDuration.Parse(DueIn) is { } due)
        {
            var at = await due.AfterAsync(context.Now, calendar, context.CancellationToken);
            context.ExecutionState["dueAt"] = at.ToString("O");
            context.CreateBookmark(DueBookmark, context.ExecutionId, resumeAt: at);
        }
        await ScheduleReminderAsync(context, calendar);
    }

    /// <summary>The due date set by <see cref="StartTimersAsync"/>; tasks opened before the timers read it from the input.</summary>
    private DateTimeOffset? DueAt(ActivityExecutionContext context) =>
        context.ExecutionState["dueAt"] is JsonValue v && DateTimeOffset.TryParse(v.GetValue<string>(), out var at) ? at : null;

    private async Task ScheduleReminderAsync(ActivityExecutionContext context, WorkingCalendar calendar)
    {
        if (WorkDuration.Parse(ReminderInterval) is not { IsPositive: true } interval) return;
        // Keep to the schedule (no drift from late polls); after downtime, skip the reminders that were missed.
        var from = context.Resumed is { Name: ReminderBookmark, ResumeAt: { } due } ? due : context.Now;
        var at = await interval.AfterAsync(from, calendar, context.CancellationToken);
        if (at <= context.Now) at = await interval.AfterAsync(context.Now, calendar, context.CancellationToken);
        context.CreateBookmark(ReminderBookmark, context.ExecutionId, resumeAt: at);
    }

    protected virtual async ValueTask OnReminderAsync(ActivityExecutionContext context)
    {
        var state = context.ExecutionState;
        var sent = (state["reminders"]?.GetValue<int>() ?? 0) + 1;
        if (MaxReminders > 0 && sent > MaxReminders)
        {
            await EscalateAsync(context, "reminders-exhausted");
            return;
        }
        state["reminders"] = sent;
        foreach (var (taskId, info) in OpenTasks(context))
        {
            context.AddCommitItem(new TaskReminded(taskId, sent));
            await Notifications.Notifications.SendAsync(context, "reminder", await CurrentRecipientsAsync(context, taskId, info),
                new JsonObject { ["reminder"] = sent, ["title"] = Title }, taskId);
        }
        context.AddCommitItem(Audit(context, "system", "Reminded") with { Data = new JsonObject { ["reminder"] = sent } });
        if (MaxReminders > 0 && sent == MaxReminders && string.IsNullOrWhiteSpace(EscalateTo)) return;
        await ScheduleReminderAsync(context, context.GetRequiredService<WorkingCalendar>());
    }

    protected virtual async ValueTask OnDueAsync(ActivityExecutionContext context)
    {
        foreach (var (taskId, info) in OpenTasks(context))
        {
            context.AddCommitItem(new TaskOverdue(taskId));
            await Notifications.Notifications.SendAsync(context, "overdue", await CurrentRecipientsAsync(context, taskId, info),
                new JsonObject { ["title"] = Title }, taskId);
        }
        context.AddCommitItem(Audit(context, "system", "Overdue"));
        await EscalateAsync(context, "overdue");
    }

    /// <summary>Adds the escalation role as a candidate of every open task, once, and tells that role.</summary>
    protected async Task EscalateAsync(ActivityExecutionContext context, string reason)
    {
        if (string.IsNullOrWhiteSpace(EscalateTo) || context.ExecutionState["escalated"] is not null) return;
        context.ExecutionState["escalated"] = EscalateTo;
        foreach (var (taskId, info) in OpenTasks(context))
        {
            context.AddCommitItem(new TaskEscalated(taskId, EscalateTo, context.Now));
            if (info is JsonObject o && o["roles"] is JsonArray roles && !roles.Any(r => r?.GetValue<string>() == EscalateTo))
                roles.Add(EscalateTo);
            await Notifications.Notifications.SendAsync(context, "escalation", [$"role:{EscalateTo}"],
                new JsonObject { ["title"] = Title, ["reason"] = reason }, taskId);
        }
        context.AddCommitItem(Audit(context, "system", "Escalated") with { Data = new JsonObject { ["to"] = EscalateTo,
            ["reason"] = reason } });
    }

    /// <summary>The stage's open tasks: task id → who may decide it.</summary>
    protected static JsonObject OpenTasks(ActivityExecutionContext context)
    {
        var state = context.ExecutionState;
        if (state["tasks"] is not JsonObject tasks) state["tasks"] = tasks = [];
        return tasks;
    }

    protected static AuditRecord Audit(ActivityExecutionContext context, string actor, string action)
    {
        var request = RequestContext.From(context);
        return new AuditRecord(actor, action)
        {
            RequestId = request.RequestId,
            WorkflowInstanceId = context.WorkflowInstanceId,
            At = context.Now,
            Data = new JsonObject { ["stage"] = context.Node.Name ?? context.Node.Id },
        };
    }

    protected static AuditRecord DecisionAudit(ActivityExecutionContext context, TaskDecision decision, string action = "Decision") =>
        Audit(context, decision.ActedBy, action) with
        {
            TaskId = decision.TaskId,
            OnBehalfOf = decision.OnBehalfOf,
            Comment = decision.Comment,
            Data = new JsonObject { ["stage"] = context.Node.Name ?? context.Node.Id, ["outcome"] = decision.Outcome,
                ["payload"] = decision.Payload?.DeepClone() },
        };

    private static IEnumerable<string> RecipientsOf(string? assigneeId, IReadOnlyList<string> roles, string? unitId, RequestContext request)
    {
        if (assigneeId is not null) return [$"user:{assigneeId}"];
        return roles.Select(r => unitId is not null && unitId == request.UnitId ? $"unit-role:{r}" : $"role:{r}");
    }

    /// <summary>
    /// Who holds the task now: whoever claimed it, the one it was transferred or delegated to, or its roles. The task row
    /// says so (a transfer changes it, not the instance), so reminders follow the task instead of its first assignee.
    /// </summary>
    private static async Task<IEnumerable<string>> CurrentRecipientsAsync(ActivityExecutionContext context, string taskId, JsonNode? info)
    {
        await using var db = context.GetRequiredService<Persistence.ApprovalsDbContextFactory>().Create();
        var task = await ApprovalsQueries.TaskById(db, taskId, context.CancellationToken);
        if (task is null) return RecipientsOf(info);
        if ((task.ClaimedBy ?? task.AssigneeId) is { } holder) return [$"user:{holder}"];
        return task.CandidateRoles.Select(r => task.CandidateUnitId is not null ? $"unit-role:{r}" : $"role:{r}");
    }

    private static IEnumerable<string> RecipientsOf(JsonNode? info)
    {
        if (info?["assignee"]?.GetValue<string>() is { } assignee) return [$"user:{assignee}"];
        var unit = info?["unit"]?.GetValue<string>();
        return (info?["roles"] as JsonArray ?? []).Select(r => unit is not null ? $"unit-role:{r!.GetValue<string>()}"
            : $"role:{r!.GetValue<string>()}");
    }

    private static JsonObject TaskModel(HumanTask task) => new()
    {
        ["title"] = task.Title,
        ["instructions"] = task.Instructions,
        ["dueAt"] = task.DueAt?.ToString("O"),
        ["outcomes"] = new JsonArray(task.Outcomes.Select(o => (JsonNode?)o).ToArray()),
    };
}
