using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Audit;

/// <summary>The audit trail as read by the API and the pages: a request's entries, and the check of every chain.</summary>
public sealed class AuditLog(ApprovalsDbContextFactory factory)
{
    /// <summary>A request's entries in the order they were written. The caller has decided that the user may see the request.</summary>
    public async Task<IReadOnlyList<AuditEntry>> OfRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.AuditEntries.AsNoTracking().Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await AuditTrail.VerifyAsync(db, cancellationToken);
    }
}
