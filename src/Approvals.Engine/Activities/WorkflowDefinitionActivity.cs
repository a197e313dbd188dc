using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities;

/// <summary>
/// Another published workflow used as an activity (Elsa's workflow-definition activity: its type is the workflow's name and the
/// node names it by <c>workflowDefinitionId</c>). It runs as a child instance with the node's inputs; this activity waits, then maps
/// the child's outputs to the variables the node binds them to and continues along the outcomes the child completed with.
/// </summary>
[Activity("Elsa", "WorkflowDefinitionActivity", "Workflows", DisplayName = "Workflow",
    Description = "Runs another workflow as an activity.", IsBrowsable = false)]
public sealed class WorkflowDefinitionActivity : Activity
{
    public const string TypeName = "Elsa.WorkflowDefinitionActivity";

    /// <summary>Node properties that are the activity's own, never inputs for the child.</summary>
    private static readonly HashSet<string> OwnProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "workflowDefinitionId", "workflowDefinitionVersionId",
        "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId", "canStartWorkflow", "runAsynchronously",
    };

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var node = context.Node;
        var definitionId = WorkflowDefinitionDocument.Text(node.GetProperty("workflowDefinitionId"))
            ?? await FindByTypeAsync(context, node.Type)
            ?? throw new FaultException("workflow-unknown", "Composition",
                $"Activity '{node.DisplayName}' has type '{node.Type}': no activity of that type, and no published workflow usable as an " +
                "activity has that name.");
        var input = new JsonObject();
        foreach (var (key, value) in node.Json)
        {
            if (OwnProperties.Contains(key) || value is not JsonObject wrapped || wrapped["expression"] is not JsonObject) continue;
            if (!Models.InputBindingReader.TryRead(key, wrapped, out var binding)) continue;
            input[key] = Expressions.ValueConverter.ToJsonNode(await context.EvaluateAsync(binding.Expression,
                Expressions.ElsaTypes.ClrTypeOf(binding.TypeName)));
        }
        context.StartWorkflow(definitionId, input, context.CorrelationId, wait: true,
            versionId: WorkflowDefinitionDocument.Text(node.GetProperty("workflowDefinitionVersionId")));
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var finished = context.ResumeInput ?? [];
        if (finished["error"] is JsonValue error) throw new FaultException("workflow-missing", "Composition", error.GetValue<string>());
        var output = finished["output"] as JsonObject ?? [];
        // Each of the child's outputs is an output of this activity; those the node binds to variables are copied there.
        foreach (var (name, value) in output) context.SetOutput(name, value?.DeepClone());
        var outcomes = (finished["outcomes"] as JsonArray ?? []).Select(o => o?.GetValue<string>()).OfType<string>().ToArray();
        context.Complete(outcomes);
        return ValueTask.CompletedTask;
    }

    public override ValueTask CancelAsync(ActivityExecutionContext context, Bookmark bookmark) => ChildRuns.Cancel(context, bookmark);

    private static async Task<string?> FindByTypeAsync(ActivityExecutionContext context, string type)
    {
        var store = context.GetRequiredService<WorkflowDefinitionStore>();
        foreach (var record in await store.ListPublishedAsync(context.CancellationToken))
            if (record.Name is { } name && WorkflowReference.TypeNameOf(name) == type) return record.DefinitionId;
        return null;
    }
}
