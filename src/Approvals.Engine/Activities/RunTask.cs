using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities;

/// <summary>
/// Asks the outside world to run a task and waits for its result. The request goes to the outbox
/// (kind <c>run-task</c>) with a task id; completing that task id resumes the bookmark.
/// </summary>
[Activity("Elsa", "RunTask", "Primitives", DisplayName = "Run Task", Description = "Requests a task and waits until it is completed.",
    Kind = ActivityKind.Task)]
public sealed class RunTask : Activity
{
    public const string BookmarkName = "Elsa.RunTask";
    public const string OutboxKind = "run-task";

    [Input(Description = "The name of the task to run.", Required = true)] public string TaskName { get; set; } = "";
    [Input(Description = "Data for the task.")] public object? Payload { get; set; }

    [Output(Description = "The result the task was completed with.")]
    public object? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var taskId = WorkflowExecutionContext.NewId();
        var request = new JsonObject
        {
            ["taskId"] = taskId,
            ["taskName"] = TaskName,
            ["payload"] = ValueConverter.ToJsonNode(Payload),
        };
        context.CreateBookmark(BookmarkName, taskId, (JsonObject)request.DeepClone());
        context.AddOutboxMessage(OutboxKind, request);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        // The API completes it with {result}; the task inbox with a decision whose payload is the result.
        Result = (context.ResumeInput?["result"] ?? context.ResumeInput?["payload"])?.DeepClone();
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
