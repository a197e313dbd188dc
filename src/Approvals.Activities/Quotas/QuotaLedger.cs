using System.Text.Json.Nodes;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Quotas;

/// <summary>
/// A unit's standing against its yearly quota. The quota is the administrator's figure for the year, or by default
/// last year's approved total × 0.95, rounded down (the 5% cut). Approved trips count until released.
/// </summary>
public sealed class QuotaLedger(ApprovalsDbContextFactory factory)
{
    public const double DefaultFactor = 0.95;

    public async Task<QuotaStanding> StandingAsync(string unitId, int year, string? excludingRequestId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var set = await db.UnitQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.UnitId == unitId && q.Year == year, cancellationToken);
        int quotaTrips, quotaPersons;
        string source;
        if (set is not null)
        {
            (quotaTrips, quotaPersons, source) = (set.Trips, set.Persons, "set");
        }
        else
        {
            var last = await db.QuotaUses.AsNoTracking().Where(u => u.UnitId == unitId && u.Year == year - 1 && u.ReleasedAt == null)
                .GroupBy(_ => 1).Select(g => new { Trips = g.Sum(u => u.Trips), Persons = g.Sum(u => u.Persons) })
                    .FirstOrDefaultAsync(cancellationToken);
            quotaTrips = (int)Math.Floor((last?.Trips ?? 0) * DefaultFactor);
            quotaPersons = (int)Math.Floor((last?.Persons ?? 0) * DefaultFactor);
            source = "default";
        }
        var used = await db.QuotaUses.AsNoTracking()
            .Where(u => u.UnitId == unitId && u.Year == year && u.ReleasedAt == null && u.RequestId != excludingRequestId)
            .GroupBy(_ => 1).Select(g => new { Trips = g.Sum(u => u.Trips), Persons = g.Sum(u => u.Persons) })
                .FirstOrDefaultAsync(cancellationToken);
        return new QuotaStanding(unitId, year, quotaTrips, quotaPersons, used?.Trips ?? 0, used?.Persons ?? 0, source);
    }
}

public sealed record QuotaStanding(string UnitId, int Year, int QuotaTrips, int QuotaPersons, int UsedTrips, int UsedPersons, string Source)
{
    public bool Allows(int trips, int persons) => UsedTrips + trips <= QuotaTrips && UsedPersons + persons <= QuotaPersons;

    public JsonObject ToJson(int trips, int persons) => new()
    {
        ["unitId"] = UnitId,
        ["year"] = Year,
        ["quotaTrips"] = QuotaTrips,
        ["quotaPersons"] = QuotaPersons,
        ["usedTrips"] = UsedTrips,
        ["usedPersons"] = UsedPersons,
        ["requestTrips"] = trips,
        ["requestPersons"] = persons,
        ["overQuota"] = !Allows(trips, persons),
        ["source"] = Source,
    };
}
