using System.Text.Json.Nodes;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Engine.Execution;

/// <summary>What an activity sees while it runs: its node, the instance, and the means to complete, wait or produce side effects.</summary>
public sealed class ActivityExecutionContext : IExpressionContext
{
    private readonly ExpressionEvaluator _expressions;
    private List<string>? _outcomes;

    internal ActivityExecutionContext(WorkflowExecutionContext workflow, ActivityNode node, ActivityDescriptor descriptor,
        string executionId, ExpressionEvaluator expressions)
    {
        WorkflowContext = workflow;
        Node = node;
        Descriptor = descriptor;
        ExecutionId = executionId;
        _expressions = expressions;
    }

    public WorkflowExecutionContext WorkflowContext { get; }
    public ActivityNode Node { get; }
    public ActivityDescriptor Descriptor { get; }

    /// <summary>The id of this execution's <see cref="ActivityExecutionRecord"/>; bookmarks carry it.</summary>
    public string ExecutionId { get; }

    /// <summary>The bookmark being resumed, when the activity runs from <see cref="Contracts.Activity.ResumeAsync"/>.</summary>
    public Bookmark? Resumed { get; internal init; }

    /// <summary>
    /// True when this activity is the trigger that started the instance (a timer came due, a request arrived): it completes at once.
    /// </summary>
    public bool IsTriggerStart { get; internal init; }

    /// <summary>The stimulus payload given with the resumption (or with the trigger that started the instance).</summary>
    public JsonObject? ResumeInput { get; internal init; }

    public DateTimeOffset Now => WorkflowContext.Now;
    public string WorkflowInstanceId => WorkflowContext.State.Id;
    public string? CorrelationId => WorkflowContext.State.CorrelationId;
    public JsonObject WorkflowInput => WorkflowContext.State.Input;
    public IReadOnlyList<VariableDefinition> VariableDefinitions => WorkflowContext.Workflow.Variables;
    public IReadOnlyDictionary<string, JsonNode?> Variables => WorkflowContext.State.Variables;
    public CancellationToken CancellationToken => WorkflowContext.CancellationToken;

    internal bool IsCompleted => _outcomes is not null;
    internal IReadOnlyList<string> Outcomes => _outcomes ?? [];
    internal List<Bookmark> CreatedBookmarks { get; } = [];
    internal JsonObject Outputs { get; } = [];
    internal WorkflowSubStatus? FinishRequest { get; private set; }

    public T GetRequiredService<T>() where T : notnull => WorkflowContext.Services.GetRequiredService<T>();

    /// <summary>Completes the activity; execution continues along the named ports (<c>Done</c> when none is named).</summary>
    public void Complete(params string[] outcomes)
    {
        _outcomes ??= [];
        if (outcomes.Length == 0) _outcomes.Add("Done");
        else _outcomes.AddRange(outcomes);
    }

    /// <summary>
    /// Ends the whole workflow: every other branch and bookmark is cancelled. A parent waiting for it continues along
    /// <paramref name="outcomes"/>.
    /// </summary>
    public void FinishWorkflow(params string[] outcomes)
    {
        FinishRequest = WorkflowSubStatus.Finished;
        _outcomes ??= [];
        _outcomes.AddRange(outcomes);
    }

    public string WorkflowDefinitionId => WorkflowContext.State.DefinitionId;
    public JsonObject WorkflowOutput => WorkflowContext.State.Output;
    public IReadOnlyList<string> InputNames => WorkflowContext.Workflow.InputNames;
    public JsonNode? LastResult => WorkflowContext.State.LastResult;

    public IEnumerable<KeyValuePair<string, JsonObject>> NamedActivityOutputs
    {
        get
        {
            foreach (var node in WorkflowContext.Workflow.Flowchart.Activities)
            {
                var outputs = WorkflowContext.State.ActivityOutputs.GetValueOrDefault(node.Id) ?? [];
                yield return KeyValuePair.Create(node.Name ?? node.Id, outputs);
            }
        }
    }

    public void SetCorrelationId(string? correlationId) => WorkflowContext.State.CorrelationId = correlationId;

    public void SetWorkflowName(string? name) => WorkflowContext.State.Name = name;

    /// <summary>Records the HTTP response for the request that started or resumed the instance.</summary>
    public void WriteHttpResponse(JsonObject response) => WorkflowContext.State.HttpResponse = response;

    /// <summary>
    /// Starts another workflow after this burst commits (an engine message in the same transaction). With
    /// <paramref name="wait"/>, this activity waits on a bookmark that the child's finish resumes. Returns the child's instance id.
    /// </summary>
    public string StartWorkflow(string definitionId, JsonObject? input, string? correlationId, bool wait, string? versionId = null)
    {
        var childId = WorkflowExecutionContext.NewId();
        WorkflowContext.AddOutbox(EngineMessageKinds.StartWorkflow, new JsonObject
        {
            ["definitionId"] = definitionId,
            ["versionId"] = versionId,
            ["instanceId"] = childId,
            ["input"] = input?.DeepClone(),
            ["correlationId"] = correlationId,
            ["parentInstanceId"] = wait ? WorkflowInstanceId : null,
        });
        if (wait) CreateBookmark(EngineMessageKinds.ChildBookmark, childId, new JsonObject { ["childInstanceId"] = childId,
            ["definitionId"] = definitionId });
        return childId;
    }

    /// <summary>
    /// Runs this container's body as a child instance after the burst commits, with the instance's variables and
    /// <paramref name="variables"/> (the current item); this activity waits for it. Returns the child's instance id.
    /// </summary>
    public string StartBody(JsonObject? variables = null)
    {
        var childId = WorkflowExecutionContext.NewId();
        var all = new JsonObject();
        foreach (var (name, value) in WorkflowContext.State.Variables) all[name] = value?.DeepClone();
        foreach (var (name, value) in variables ?? []) all[name] = value?.DeepClone();
        WorkflowContext.AddOutbox(EngineMessageKinds.StartWorkflow, new JsonObject
        {
            ["bodyVersionId"] = $"{WorkflowContext.Workflow.VersionId}{WorkflowCompiler.BodySeparator}{Node.Id}",
            ["instanceId"] = childId,
            ["variables"] = all,
            ["correlationId"] = CorrelationId,
            ["parentInstanceId"] = WorkflowInstanceId,
        });
        CreateBookmark(EngineMessageKinds.ChildBookmark, childId, new JsonObject { ["childInstanceId"] = childId });
        return childId;
    }

    /// <summary>Removes the pending timer bookmarks of another activity of this instance (by id or name); returns how many.</summary>
    public int CancelTimersOf(string activityIdOrName)
    {
        var node = WorkflowContext.Workflow.Flowchart.Activities.FirstOrDefault(a => a.Id == activityIdOrName
            || a.Name == activityIdOrName);
        if (node is null) return 0;
        var timers = WorkflowContext.State.Bookmarks.Where(b => b.ActivityId == node.Id && b.ResumeAt is not null).ToList();
        foreach (var timer in timers) WorkflowContext.RemoveBookmark(timer);
        return timers.Count;
    }

    /// <summary>Cancels a child this activity started (its parent branch was cancelled).</summary>
    public void CancelWorkflow(string instanceId) =>
        WorkflowContext.AddOutbox(EngineMessageKinds.CancelWorkflow, new JsonObject { ["instanceId"] = instanceId });

    /// <summary>
    /// Creates a bookmark this activity waits on; a stimulus (<paramref name="name"/>, <paramref name="key"/>) or a timer at
    /// <paramref name="resumeAt"/> resumes it.
    /// </summary>
    public Bookmark CreateBookmark(string name, string? key = null, JsonObject? payload = null, DateTimeOffset? resumeAt = null)
    {
        var bookmark = new Bookmark
        {
            Id = WorkflowExecutionContext.NewId(),
            WorkflowInstanceId = WorkflowInstanceId,
            Name = name,
            Hash = StimulusHash.Compute(name, key),
            ActivityId = Node.Id,
            ActivityExecutionId = ExecutionId,
            Payload = payload,
            ResumeAt = resumeAt,
            CorrelationId = CorrelationId,
            CreatedAt = Now,
        };
        CreatedBookmarks.Add(bookmark);
        WorkflowContext.AddBookmark(bookmark);
        WorkflowContext.AddJournal("BookmarkCreated", Node, ExecutionId, resumeAt is null ? $"Waiting for {name} {key}".TrimEnd()
            : $"Waiting until {resumeAt:O}", payload?.DeepClone());
        return bookmark;
    }

    public void SetVariable(string name, object? value) => WorkflowContext.SetVariable(name, value);

    /// <summary>
    /// State this execution keeps between its bookmarks' resumptions; saved with the instance and dropped when the activity completes.
    /// </summary>
    public JsonObject ExecutionState
    {
        get
        {
            var states = WorkflowContext.State.ExecutionStates;
            if (!states.TryGetValue(ExecutionId, out var state)) states[ExecutionId] = state = [];
            return state;
        }
    }

    /// <summary>The bookmarks this execution still waits on (other than the one being resumed).</summary>
    public IReadOnlyList<Bookmark> PendingBookmarks =>
        WorkflowContext.State.Bookmarks.Where(b => b.ActivityExecutionId == ExecutionId).ToList();

    /// <summary>Removes a bookmark of this execution without resuming it (a reminder that is no longer needed).</summary>
    public void RemoveBookmark(Bookmark bookmark)
    {
        if (bookmark.ActivityExecutionId != ExecutionId)
            throw new InvalidOperationException("An activity may only remove its own bookmarks.");
        WorkflowContext.RemoveBookmark(bookmark);
    }

    public JsonNode? GetVariable(string name) => WorkflowContext.State.Variables.GetValueOrDefault(name);

    public void SetOutput(string name, object? value) => Outputs[name] = ValueConverter.ToJsonNode(value);

    public JsonObject? GetActivityOutput(string activityIdOrName)
    {
        var outputs = WorkflowContext.State.ActivityOutputs;
        if (outputs.TryGetValue(activityIdOrName, out var byId)) return byId;
        var node = WorkflowContext.Workflow.Flowchart.Activities.FirstOrDefault(a => a.Name == activityIdOrName);
        return node is not null ? outputs.GetValueOrDefault(node.Id) : null;
    }

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType) =>
        _expressions.EvaluateAsync(expression, targetType, this);

    public async ValueTask<T?> EvaluateAsync<T>(WorkflowExpression expression) =>
        (T?)await _expressions.EvaluateAsync(expression, typeof(T), this);

    /// <summary>Adds a message to the outbox, written in the burst's transaction and delivered after commit.</summary>
    public void AddOutboxMessage(string kind, JsonObject body) => WorkflowContext.AddOutbox(kind, body);

    /// <summary>Adds a domain row for the commit participants to write in the burst's transaction.</summary>
    public void AddCommitItem(object item) => WorkflowContext.Result.CommitItems.Add(item);

    /// <summary>
    /// Raises an event that resumes <c>Elsa.Event</c> bookmarks: a local event only this instance's, in this burst; any other
    /// travels as an engine message, delivered after commit (and again by the sweep if that is lost).
    /// </summary>
    public void PublishEvent(string eventName, string? correlationId, JsonNode? payload, bool isLocal)
    {
        if (isLocal) WorkflowContext.LocalEvents.Add(new PublishedEvent(eventName, correlationId, payload, WorkflowInstanceId, isLocal));
        else WorkflowContext.AddOutbox(EngineMessageKinds.Event, new JsonObject
        {
            ["eventName"] = eventName,
            ["correlationId"] = correlationId,
            ["payload"] = payload?.DeepClone(),
        });
    }

    /// <summary>Writes a line to the instance's journal.</summary>
    public void Log(string eventName, string message, JsonNode? payload = null) =>
        WorkflowContext.AddJournal(eventName, Node, ExecutionId, message, payload);
}
