using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Runtime;

/// <summary>Where an instance stands after a burst was committed.</summary>
/// <param name="Committed">The domain's changes committed with the burst (its commit items), in the order they were made.</param>
public sealed record WorkflowRunResult(
    string InstanceId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    JsonObject Output,
    IReadOnlyList<object> Committed);
