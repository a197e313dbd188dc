namespace Approvals.Activities.Tasks;

/// <summary>The task as decided; <see cref="Repeated"/> when the same operation id had already decided it.</summary>
public sealed record TaskDecisionResult(HumanTask Task, bool Repeated);
