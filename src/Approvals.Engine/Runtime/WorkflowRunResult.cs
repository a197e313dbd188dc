using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Runtime;

/// <summary>Where an instance stands after a burst was committed.</summary>
public sealed record WorkflowRunResult(
    string InstanceId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    JsonObject Output);
