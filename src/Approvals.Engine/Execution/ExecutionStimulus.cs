using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>Why a burst runs: a start, the resumption of a bookmark, a retry after a fault, or a cancellation.</summary>
public abstract record ExecutionStimulus
{
    public sealed record Start : ExecutionStimulus;
    public sealed record Resume(Bookmark Bookmark, JsonObject? Input) : ExecutionStimulus;
    public sealed record Retry : ExecutionStimulus;
    public sealed record Cancel(string? Reason) : ExecutionStimulus;
}
