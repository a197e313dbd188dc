using System.Text.Json.Nodes;
using Approvals.Activities.Persistence;
using Approvals.Activities.Units;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Administration;

/// <summary>The units that file requests (district FAOs, bureaus), as administrators keep them.</summary>
public sealed class OfficeUnits(ApprovalsDbContextFactory factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<Unit>> ListAsync()
    {
        await using var db = factory.Create();
        return await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
    }

    /// <summary>Adds the unit or renames it; the name is required (refused by field).</summary>
    public async Task<Unit> SaveAsync(string id, string? name, string? nameEn, string? kind, string actorId)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new Approvals.Activities.Tasks.DecisionInvalidException("id", "is required");
        if (string.IsNullOrWhiteSpace(name)) throw new Approvals.Activities.Tasks.DecisionInvalidException("name", "is required");
        await using var db = factory.Create();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) db.Units.Add(unit = new Unit { Id = id, Name = name, NameEn = nameEn ?? name });
        unit.Name = name;
        unit.NameEn = nameEn ?? unit.NameEn;
        unit.Kind = kind ?? unit.Kind;
        await AdministrativeChange.SaveAsync(db, actorId, "UnitSaved", new JsonObject { ["unit"] = id, ["name"] = name },
            clock.GetUtcNow());
        return unit;
    }
}
