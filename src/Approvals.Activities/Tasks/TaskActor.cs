namespace Approvals.Activities.Tasks;

/// <summary>Who acts on a task: the user, and the user they act for when that is someone else (a proxy, a delegate).</summary>
public sealed record TaskActor(string UserId, string? OnBehalfOf);
