using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;

namespace Approvals.Host.Administration;

/// <summary>An administrator's change saved together with its audit entry, in one transaction.</summary>
public static class AdministrativeChange
{
    public static async Task SaveAsync(ApprovalsDbContext db, string actorId, string action, JsonObject data, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditTrail.AppendAsync(db, [new AuditRecord(actorId, action) { At = at, Data = data }], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
