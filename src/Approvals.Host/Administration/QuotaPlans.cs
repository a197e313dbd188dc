using System.Text.Json.Nodes;
using Approvals.Activities.Persistence;
using Approvals.Activities.Quotas;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Administration;

/// <summary>Each unit's yearly outbound-travel plan (trips and persons), as administrators set it.</summary>
public sealed class QuotaPlans(ApprovalsDbContextFactory factory, QuotaLedger ledger, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuotaStanding>> StandingsAsync(int year)
    {
        await using var db = factory.Create();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var standings = new List<QuotaStanding>();
        foreach (var unit in units) standings.Add(await ledger.StandingAsync(unit, year));
        return standings;
    }

    /// <summary>Sets the plan; null when the unit does not exist. Negative figures are refused by field.</summary>
    public async Task<UnitQuota?> SetAsync(string unitId, int year, int trips, int persons, string actorId)
    {
        if (trips < 0) throw new Approvals.Activities.Tasks.DecisionInvalidException("trips", "must not be negative");
        if (persons < 0) throw new Approvals.Activities.Tasks.DecisionInvalidException("persons", "must not be negative");
        await using var db = factory.Create();
        if (!await db.Units.AnyAsync(u => u.Id == unitId)) return null;
        var quota = await db.UnitQuotas.FirstOrDefaultAsync(q => q.UnitId == unitId && q.Year == year);
        if (quota is null) db.UnitQuotas.Add(quota = new UnitQuota { UnitId = unitId, Year = year });
        quota.Trips = trips;
        quota.Persons = persons;
        await AdministrativeChange.SaveAsync(db, actorId, "QuotaSet", new JsonObject { ["unit"] = unitId, ["year"] = year,
            ["trips"] = trips, ["persons"] = persons }, clock.GetUtcNow());
        return quota;
    }
}
