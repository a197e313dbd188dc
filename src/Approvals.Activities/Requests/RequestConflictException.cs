namespace Approvals.Activities.Requests;

/// <summary>The request is not in a state that allows the action (withdrawing a closed request).</summary>
public sealed class RequestConflictException(string message) : Exception(message);
