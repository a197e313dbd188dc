using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>Why a burst runs: a start, the resumption of a bookmark, a retry after a fault, or a cancellation.</summary>
public abstract record ExecutionStimulus
{
    /// <summary>
    /// A start; when a trigger (a timer, an HTTP request, an event) started it, that activity runs first and completes at once with
    /// <paramref name="TriggerInput"/>.
    /// </summary>
    public sealed record Start(string? TriggerActivityId = null, JsonObject? TriggerInput = null) : ExecutionStimulus;
    public sealed record Resume(Bookmark Bookmark, JsonObject? Input) : ExecutionStimulus;
    public sealed record Retry : ExecutionStimulus;
    public sealed record Cancel(string? Reason) : ExecutionStimulus;
}
