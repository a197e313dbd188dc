using Approvals.Engine.Execution;
using Approvals.Engine.Persistence;

namespace Approvals.Engine.Contracts;

/// <summary>
/// Writes rows of its own (tasks, audit entries, quotas) inside the transaction that commits an
/// execution burst, so the burst's state change and the domain's rows are saved together or not at all.
/// </summary>
public interface ICommitParticipant
{
    Task OnCommittingAsync(WorkflowDbContext db, ExecutionResult result, CancellationToken cancellationToken);
}
