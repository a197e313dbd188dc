namespace Approvals.Activities.Tasks;

/// <summary>
/// A task read with the applicant of its request (null for a task of no request): whoever acts on a task is first asked
/// whether they applied for it, and reading both in one statement spares a decision a second read.
/// </summary>
public sealed record TaskWithApplicant(HumanTask Task, string? ApplicantId);
