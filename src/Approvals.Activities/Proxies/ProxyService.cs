using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Activities.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Proxies;

/// <summary>Users name substitutes for a period and some or all workflows; administrators may set them for anyone.</summary>
public sealed class ProxyService(ApprovalsDbContextFactory factory, TimeProvider clock)
{
    public async Task<Proxy> SetAsync(string principalId, string substituteId, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyList<string>? definitionIds, string setBy, CancellationToken cancellationToken = default)
    {
        if (principalId == substituteId) throw new DecisionInvalidException("substituteId", "A user cannot be their own proxy.");
        if (to <= from) throw new DecisionInvalidException("to", "The period must end after it starts.");
        var proxy = new Proxy
        {
            Id = Guid.CreateVersion7().ToString("N"),
            PrincipalId = principalId,
            SubstituteId = substituteId,
            From = from.ToUniversalTime(),
            To = to.ToUniversalTime(),
            DefinitionIds = definitionIds?.ToList() ?? [],
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = setBy,
        };
        return await factory.RunAsync(async (db, token) =>
        {
            db.Proxies.Add(proxy);
            await AuditTrail.AppendAsync(db, [new AuditRecord(setBy, "ProxySet")
            {
                At = proxy.CreatedAt,
                OnBehalfOf = principalId == setBy ? null : principalId,
                Data = new System.Text.Json.Nodes.JsonObject
                {
                    ["principal"] = principalId, ["substitute"] = substituteId,
                    ["from"] = proxy.From.ToString("O"), ["to"] = proxy.To.ToString("O"),
                },
            }], token);
            await db.SaveChangesAsync(token);
            return proxy;
        }, cancellationToken);
    }

    /// <summary>Every proxy, the latest first (the administrators' overview).</summary>
    public async Task<IReadOnlyList<Proxy>> ListRecentAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Proxies.AsNoTracking().OrderByDescending(p => p.From).Take(Math.Clamp(take, 1, 1000))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Proxy>> ListForAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.Proxies.AsNoTracking().Where(p => p.PrincipalId == userId || p.SubstituteId == userId).OrderBy(p => p.From)
            .ToListAsync(cancellationToken);
    }
}
